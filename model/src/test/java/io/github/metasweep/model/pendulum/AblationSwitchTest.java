package io.github.metasweep.model.pendulum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each ablation of protocol section 5 changes what it says and nothing else. */
class AblationSwitchTest {

    private static Map<String, Object> difference(ParamSet a, ParamSet b) {
        Map<String, Object> diff = new HashMap<>();
        a.asMap().forEach((k, v) -> {
            if (!v.equals(b.asMap().get(k))) {
                diff.put(k, b.asMap().get(k));
            }
        });
        assertEquals(a.asMap().keySet(), b.asMap().keySet());
        return diff;
    }

    @Test
    void eachVariantFixesExactlyOneSwitch() {
        ParamSet full = Runs.spec("nb-pro", "full", 0, Map.of()).params();
        assertEquals(Map.of("k_target_weight", 0.0), difference(full, Runs.spec("nb-pro", "no-k-target", 0, Map.of()).params()));
        assertEquals(Map.of("grad_clip", false), difference(full, Runs.spec("nb-pro", "no-grad-clip", 0, Map.of()).params()));
        assertEquals(Map.of("blocks", false), difference(full, Runs.spec("nb-pro", "no-hierarchical", 0, Map.of()).params()));
        assertEquals(Map.of("blocks", false), difference(full, Runs.spec("nb", "full", 0, Map.of()).params()));
    }

    @Test
    void noHierarchicalIsBitIdenticalToNb() {
        RunResult nb = Runs.run("nb", "full", 4, Runs.shortened());
        RunResult noBlocks = Runs.run("nb-pro", "no-hierarchical", 4, Runs.shortened());
        assertArrayEquals(Runs.pretrain(nb), Runs.pretrain(noBlocks), 0.0);
        assertArrayEquals(Runs.transfer(nb), Runs.transfer(noBlocks), 0.0);
        assertNull(Runs.gateSeries(noBlocks, "layer 1 mean block gate"), "no block gates without blocks");
        assertNotNull(Runs.gateSeries(noBlocks, "layer 1 sigmoid(k)"));
    }

    @Test
    void noKTargetLeavesTheTargetsUntrainedAndChangesTheRun() {
        RunResult full = Runs.run("nb-pro", "full", 5, Runs.shortened());
        RunResult noTarget = Runs.run("nb-pro", "no-k-target", 5, Runs.shortened());
        for (String layer : new String[] {"layer 1 k-target", "layer 2 k-target"}) {
            for (double t : Runs.gateSeries(noTarget, layer)) {
                assertEquals(0.3f, t, 1e-7, "targets stay at their initial value");
            }
        }
        double[] trained = Runs.gateSeries(full, "layer 1 k-target");
        assertNotEquals(0.3f, trained[trained.length - 1], 1e-6, "with the term, the targets train");
        assertEquals(Runs.pretrain(full)[0], Runs.pretrain(noTarget)[0], 0.0, "same initial policy");
        assertFalse(java.util.Arrays.equals(Runs.transfer(full), Runs.transfer(noTarget)));
    }

    @Test
    void noGradClipChangesOnlyTheClipping() {
        // With a limit so large it never binds, clipping on and off must give the same run.
        RunResult loose = Runs.run("nb-pro", "full", 6, Runs.shortened("max_grad_norm", 1e12));
        RunResult off = Runs.run("nb-pro", "no-grad-clip", 6, Runs.shortened("max_grad_norm", 1e12));
        assertArrayEquals(Runs.transfer(loose), Runs.transfer(off), 0.0);
        RunResult clipped = Runs.run("nb-pro", "full", 6, Runs.shortened());
        assertFalse(java.util.Arrays.equals(Runs.transfer(clipped), Runs.transfer(off)), "the default clip binds");
    }

    @Test
    void variantsOfEachMethodAreTheDocumentedOnes() {
        PendulumTransfer b = new PendulumTransfer();
        assertEquals(java.util.List.of("full", "no-k-target", "no-grad-clip", "no-hierarchical"), b.variants("nb-pro"));
        assertEquals(java.util.List.of("full", "no-k-target", "no-grad-clip"), b.variants("nb"));
        assertEquals(Set.of("maml", "fomaml", "nb", "nb-pro", "finetune", "zero", "frozen-init", "expert", "neuronml"),
                Set.copyOf(b.methods()));
    }
}
