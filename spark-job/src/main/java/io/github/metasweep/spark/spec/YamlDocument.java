package io.github.metasweep.spark.spec;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML text as a node tree that keeps line numbers, read with the safe constructor (no
 * arbitrary types). Problems found while walking it are collected, never thrown one by one.
 */
final class YamlDocument {
    private final List<SpecProblem> problems;
    private final ScalarReader scalars = new ScalarReader();

    YamlDocument(List<SpecProblem> problems) {
        this.problems = problems;
    }

    /** The root node, or null after recording why there is none (a syntax error or an empty text). */
    Node compose(String text) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                problems.add(new SpecProblem("", 0, "the file is empty; accepted: a mapping with at least name, "
                        + "benchmark, seeds and methods"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.add(new SpecProblem("", line, "not valid YAML: " + context + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            problems.add(new SpecProblem("", 0, "not valid YAML: " + e.getMessage()));
            return null;
        }
    }

    void problem(Node at, String path, String message) {
        problems.add(new SpecProblem(path, line(at), message));
    }

    static int line(Node n) {
        return n == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** How a node looks to the user, for "found ..." in messages. */
    static String found(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "nothing" : "'" + s.getValue() + "'";
        }
        return "nothing";
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    static boolean isScalar(Node n) {
        return n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a mapping by key, in order; a non-mapping, a non-text key or a duplicate key is
     * a problem (the first of duplicates is kept). Returns null when {@code n} is not a mapping.
     */
    Map<String, NodeTuple> entries(Node n, String path, String accepted) {
        if (!(n instanceof MappingNode m)) {
            problem(n, path, "found " + found(n) + "; accepted: " + accepted);
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || !isScalar(k)) {
                problem(t.getKeyNode(), path, "found a key that is " + found(t.getKeyNode()) + "; accepted: names");
                continue;
            }
            NodeTuple first = out.get(k.getValue());
            if (first != null) {
                problem(k, child(path, k.getValue()), "duplicate key (first at line " + line(first.getKeyNode())
                        + "); keep one");
                continue;
            }
            out.put(k.getValue(), t);
        }
        return out;
    }

    /** The items of a list, or null (after a problem) when {@code n} is not one. */
    List<Node> items(Node n, String path, String accepted) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        problem(n, path, "found " + found(n) + "; accepted: " + accepted);
        return null;
    }

    /** A scalar's typed value (Integer, Long, BigInteger, Double, Boolean, String...), or null after a problem. */
    Object scalar(Node n, String path, String accepted) {
        if (isScalar(n)) {
            return scalars.read(n);
        }
        problem(n, path, "found " + found(n) + "; accepted: " + accepted);
        return null;
    }

    /** A text value (any scalar, as written), or null after a problem. */
    String text(Node n, String path, String accepted) {
        if (isScalar(n)) {
            return ((ScalarNode) n).getValue();
        }
        problem(n, path, "found " + found(n) + "; accepted: " + accepted);
        return null;
    }

    /** A whole number in [min, max], or null after a problem. */
    Long integer(Node n, String path, long min, long max, String accepted) {
        Object v = isScalar(n) ? scalars.read(n) : null;
        if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= min
                && ((Number) v).longValue() <= max) {
            return ((Number) v).longValue();
        }
        problem(n, path, "found " + found(n) + "; accepted: " + accepted);
        return null;
    }

    /** A finite number (an integer is fine), or null after a problem. */
    Double number(Node n, String path, String accepted) {
        Object v = isScalar(n) ? scalars.read(n) : null;
        if (v instanceof String s) {
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        if ((v instanceof Integer || v instanceof Long || v instanceof Double) && Double.isFinite(((Number) v).doubleValue())) {
            return ((Number) v).doubleValue();
        }
        problem(n, path, "found " + found(n) + "; accepted: " + accepted);
        return null;
    }

    /** Exposes the safe constructor's scalar typing (YAML 1.1 rules: ints, floats, booleans, null, text). */
    private static final class ScalarReader extends SafeConstructor {
        ScalarReader() {
            super(new LoaderOptions());
        }

        Object read(Node n) {
            return constructObject(n);
        }
    }
}
