package io.github.metasweep.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The recorded commit is the checkout's own (also inside a git worktree, where the build used to record the main
 * checkout's HEAD): what {@code git rev-parse HEAD} says in this directory, or "unknown" without git.
 */
class ProvenanceTest {
    @Test
    void theCommitIsThisCheckoutsHead() throws IOException, InterruptedException {
        String head;
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(false).start();
            head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor() != 0) {
                head = "unknown";
            }
        } catch (IOException noGit) {
            head = "unknown";
        }
        String recorded = Provenance.current().gitCommit();
        assertEquals(head, recorded.endsWith("-dirty") ? recorded.substring(0, recorded.length() - 6) : recorded);
    }
}
