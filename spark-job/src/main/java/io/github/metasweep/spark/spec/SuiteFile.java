package io.github.metasweep.spark.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A suite: one file that names several sweep specs (one benchmark each) to run as one command, e.g.
 * {@code name: smoke} and {@code suite: [smoke-pendulum.yaml, sinusoid-short.yaml]}, paths relative to the
 * suite file. Each part is an ordinary sweep with its own output folder below the suite's.
 */
public final class SuiteFile {
    static final List<String> KEYS = List.of("name", "description", "suite");

    private SuiteFile() {
    }

    /** The part files when {@code file} is a suite (a mapping with a {@code suite} key); empty for a plain spec. */
    public static Optional<List<Path>> parts(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // the spec parser reports an unreadable file
        }
        List<SpecProblem> problems = new ArrayList<>();
        YamlDocument doc = new YamlDocument(problems);
        Node root = doc.compose(text);
        if (!(root instanceof MappingNode)) {
            return Optional.empty();
        }
        Map<String, NodeTuple> top = doc.entries(root, "", "a mapping");
        if (top == null || !top.containsKey("suite")) {
            return Optional.empty();
        }
        for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                doc.problem(e.getValue().getKeyNode(), e.getKey(), "unknown key in a suite; accepted: "
                        + String.join(", ", KEYS) + " (the sweep keys belong in the part files)");
            }
        }
        Node list = top.get("suite").getValueNode();
        List<Node> items = doc.items(list, "suite", "a list of sweep spec files, relative to this file");
        List<Path> parts = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String name = doc.text(items.get(i), YamlDocument.item("suite", i), "a spec file name");
            if (name == null) {
                continue;
            }
            // beside the suite file, relative when it was given relative (a part's spec.yaml records this path)
            Path part = file.resolveSibling(name).normalize();
            if (!Files.isRegularFile(part)) {
                doc.problem(items.get(i), YamlDocument.item("suite", i), "no such file " + part + "; accepted: a sweep "
                        + "spec file, relative to " + file);
            } else if (parts.contains(part)) {
                doc.problem(items.get(i), YamlDocument.item("suite", i), "'" + name + "' is listed twice; keep one");
            } else {
                parts.add(part);
            }
        }
        if (items != null && items.isEmpty()) {
            doc.problem(list, "suite", "found an empty list; accepted: at least one sweep spec file");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSweepSpecException(file.toString(), problems);
        }
        return Optional.of(List.copyOf(parts));
    }
}
