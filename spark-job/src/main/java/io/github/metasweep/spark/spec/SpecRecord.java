package io.github.metasweep.spark.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The {@code spec.yaml} an output holds: the resolved spec, its fingerprint, the run count and the
 * provenance of the sweep (versions, start and end times). Read back by {@code report} and by a
 * later sweep, which refuses to mix runs of a different spec into the output.
 */
public record SpecRecord(String fingerprint, SweepSpec spec, Map<String, Object> provenance) {

    public String toYaml(String source, int runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", fingerprint);
        m.put("source", source);
        m.put("runs", runs);
        m.put("spec", spec.toYaml());
        m.put("provenance", provenance);
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        o.setWidth(120);
        return "# Written by metasweep: the resolved sweep spec of this output and how it was run. Do not edit.\n"
                + new Yaml(o).dump(m);
    }

    /** Parses an output's spec.yaml; {@code file} names it in messages. */
    public static SpecRecord parse(String file, String text) {
        List<SpecProblem> problems = new java.util.ArrayList<>();
        YamlDocument doc = new YamlDocument(problems);
        Node root = doc.compose(text);
        Map<String, NodeTuple> top = root == null ? null : doc.entries(root, "", "a metasweep spec.yaml");
        if (top != null) {
            for (String key : List.of("fingerprint", "spec")) {
                if (!top.containsKey(key)) {
                    problems.add(new SpecProblem(key, 0, "missing; this is not a spec.yaml written by metasweep"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSweepSpecException(file, problems);
        }
        String fingerprint = ((ScalarNode) top.get("fingerprint").getValueNode()).getValue();
        SweepSpec spec = SpecParser.parse(file, top.get("spec").getValueNode(), "spec");
        Map<String, Object> provenance = new LinkedHashMap<>();
        NodeTuple p = top.get("provenance");
        if (p != null) {
            Map<String, NodeTuple> entries = doc.entries(p.getValueNode(), "provenance", "a mapping");
            if (entries != null) {
                entries.forEach((k, t) -> provenance.put(k, YamlDocument.isScalar(t.getValueNode())
                        ? ((ScalarNode) t.getValueNode()).getValue() : null));
            }
        }
        return new SpecRecord(fingerprint, spec, provenance);
    }
}
