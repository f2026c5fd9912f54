package io.github.metasweep.spark.spec;

import static io.github.metasweep.spark.spec.YamlDocument.child;
import static io.github.metasweep.spark.spec.YamlDocument.found;
import static io.github.metasweep.spark.spec.YamlDocument.item;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads and validates a sweep spec strictly: unknown keys, wrong types, unknown methods, variants
 * and hyper-parameters, bad values and duplicates are all problems; every problem is collected and
 * thrown together as an {@link InvalidSweepSpecException}. A spec that parses also expands.
 */
public final class SpecParser {
    /** Every top-level key, in the order the docs describe them. */
    public static final List<String> KEYS = List.of("name", "description", "benchmark", "seeds", "methods",
            "variants", "params", "grid", "random", "baseline", "max_runs");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String NAME_ACCEPTED = "1 to 100 letters, digits, '.', '_' and '-', starting with a letter "
            + "or digit (it names the output folder), e.g. paper-table1";
    private static final String SEEDS_ACCEPTED = "a count N from 1 to 1000000 (seeds 0..N-1), {from: F, count: N}, "
            + "or a list of distinct integers >= 0";
    private static final long MAX_SEED = Long.MAX_VALUE / 2;

    private final String file;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final YamlDocument doc = new YamlDocument(problems);
    private Benchmark benchmark;
    private final List<String> methods = new ArrayList<>();
    /** Parsing an output's spec.yaml, which writes every key, {@code baseline: []} included. */
    private boolean recorded;

    private SpecParser(String file) {
        this.file = file;
    }

    /** Parses a spec file; {@code file} is how the file is named in messages. */
    public static SweepSpec parseFile(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSweepSpecException(path.toString(), List.of(new SpecProblem("", 0,
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); accepted: a readable YAML file")));
        }
        return parse(path.toString(), text);
    }

    public static SweepSpec parse(String file, String text) {
        SpecParser p = new SpecParser(file);
        Node root = p.doc.compose(text);
        return p.finish(root == null ? null : p.spec(root, ""));
    }

    /** Parses a spec that sits in a larger document (the {@code spec:} entry of an output's spec.yaml). */
    static SweepSpec parse(String file, Node specNode, String path) {
        SpecParser p = new SpecParser(file);
        p.recorded = true;
        return p.finish(p.spec(specNode, path));
    }

    private SweepSpec finish(SweepSpec spec) {
        if (spec != null && problems.isEmpty()) {
            long count = SweepExpansion.count(spec);
            if (count > spec.maxRuns()) {
                problems.add(new SpecProblem("max_runs", 0, "the spec expands to " + count + " runs, more than "
                        + spec.maxRuns() + (spec.maxRuns() == SweepSpec.DEFAULT_MAX_RUNS ? " (the default limit)" : "")
                        + "; accepted: fewer seeds or grid values, or an explicit max_runs: " + count
                        + " in the spec if you mean it"));
            } else {
                try {
                    SweepExpansion.expand(spec.withSeeds(List.of(spec.seeds().get(0)))); // every configuration resolves
                } catch (InvalidSpecException e) {
                    problems.add(new SpecProblem(e.field(), 0, e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty() || spec == null) {
            throw new InvalidSweepSpecException(file, problems);
        }
        return spec;
    }

    private SweepSpec spec(Node root, String path) {
        Map<String, NodeTuple> top = doc.entries(root, path, "a mapping with keys " + String.join(", ", KEYS));
        if (top == null) {
            return null;
        }
        for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                doc.problem(e.getValue().getKeyNode(), child(path, e.getKey()),
                        "unknown key; accepted: " + String.join(", ", KEYS));
            }
        }
        String name = required(top, path, "name", NAME_ACCEPTED) == null ? null : name(top.get("name"), path);
        String description = top.containsKey("description")
                ? doc.text(value(top, "description"), child(path, "description"), "one line of text") : null;
        Node benchmarkNode = required(top, path, "benchmark", "one of " + String.join(", ", Benchmarks.names()));
        if (benchmarkNode != null) {
            benchmark(benchmarkNode, child(path, "benchmark"));
        }
        Node methodsNode = required(top, path, "methods", "a list of method names");
        if (methodsNode != null) {
            methods(methodsNode, child(path, "methods"));
        }
        Node seedsNode = required(top, path, "seeds", SEEDS_ACCEPTED);
        List<Long> seeds = seedsNode == null ? null : seeds(seedsNode, child(path, "seeds"));
        Map<String, List<String>> variants = variants(value(top, "variants"), child(path, "variants"));
        Map<String, Object> params = params(value(top, "params"), child(path, "params"));
        Map<String, List<Object>> grid = grid(value(top, "grid"), child(path, "grid"), params.keySet());
        Set<String> taken = new LinkedHashSet<>(params.keySet());
        taken.addAll(grid.keySet());
        RandomSearch random = random(value(top, "random"), child(path, "random"), taken);
        List<String> baselines = baselines(value(top, "baseline"), child(path, "baseline"));
        Long maxRuns = top.containsKey("max_runs") ? doc.integer(value(top, "max_runs"), child(path, "max_runs"), 1,
                Long.MAX_VALUE / 2, "the most runs this spec may expand to, an integer >= 1")
                : Long.valueOf(SweepSpec.DEFAULT_MAX_RUNS);
        if (!problems.isEmpty() || maxRuns == null) {
            return null;
        }
        return new SweepSpec(name, description, benchmark.name(), seeds, List.copyOf(methods), variants, params, grid,
                random, baselines, maxRuns);
    }

    /** Examples for messages come from the spec's benchmark: the sweep job names no method or parameter itself. */
    private String exampleMethods() {
        return benchmark == null ? "[method-a, method-b]"
                : "[" + String.join(", ", benchmark.methods().subList(0, Math.min(2, benchmark.methods().size()))) + "]";
    }

    private String exampleVariants() {
        if (benchmark != null) {
            for (String m : benchmark.methods()) {
                List<String> v = benchmark.variants(m);
                if (v.size() > 1) {
                    return "{" + m + ": [" + v.get(0) + ", " + v.get(1) + "]}";
                }
            }
        }
        return "{method-a: [full, variant-b]}";
    }

    private String exampleParam() {
        if (benchmark != null) {
            for (String m : methods.isEmpty() ? benchmark.methods() : methods) {
                for (ParamDef d : benchmark.params(m)) {
                    if (d.type() == ParamType.DOUBLE) {
                        return d.name();
                    }
                }
            }
        }
        return "lr";
    }

    private static Node value(Map<String, NodeTuple> entries, String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    private Node required(Map<String, NodeTuple> top, String path, String key, String accepted) {
        Node n = value(top, key);
        if (n == null) {
            problems.add(new SpecProblem(child(path, key), 0, "missing; accepted: " + accepted));
        }
        return n;
    }

    private String name(NodeTuple t, String path) {
        String name = doc.text(t.getValueNode(), child(path, "name"), NAME_ACCEPTED);
        if (name != null && !NAME.matcher(name).matches()) {
            doc.problem(t.getValueNode(), child(path, "name"), "found '" + name + "'; accepted: " + NAME_ACCEPTED);
            return null;
        }
        return name;
    }

    private void benchmark(Node n, String path) {
        String accepted = "one of " + String.join(", ", Benchmarks.names());
        String name = doc.text(n, path, accepted);
        if (name != null) {
            benchmark = Benchmarks.all().get(name);
            if (benchmark == null) {
                doc.problem(n, path, "unknown benchmark " + found(n) + "; accepted: " + accepted);
            }
        }
    }

    private void methods(Node n, String path) {
        List<Node> items = doc.items(n, path, "a list of method names, e.g. " + exampleMethods());
        if (items == null) {
            return;
        }
        if (items.isEmpty()) {
            doc.problem(n, path, "found an empty list; accepted: at least one method"
                    + (benchmark == null ? "" : " of " + String.join(", ", benchmark.methods())));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node itemNode = items.get(i);
            String m = doc.text(itemNode, item(path, i), "a method name");
            if (m == null) {
                continue;
            }
            if (seen.contains(m)) {
                doc.problem(itemNode, item(path, i), "'" + m + "' is listed twice (first as " + item(path, seen.indexOf(m))
                        + "); keep one");
            } else if (benchmark != null && !benchmark.methods().contains(m)) {
                doc.problem(itemNode, item(path, i), "unknown method '" + m + "' of " + benchmark.name()
                        + "; accepted: " + String.join(", ", benchmark.methods()));
            } else if (benchmark != null) {
                methods.add(m);
            }
            seen.add(m);
        }
    }

    private List<Long> seeds(Node n, String path) {
        List<Long> seeds = new ArrayList<>();
        if (YamlDocument.isScalar(n)) {
            Long count = doc.integer(n, path, 1, 1_000_000, SEEDS_ACCEPTED);
            for (long s = 0; count != null && s < count; s++) {
                seeds.add(s);
            }
        } else if (n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, NodeTuple> e = doc.entries(n, path, SEEDS_ACCEPTED);
            e.keySet().stream().filter(k -> !k.equals("from") && !k.equals("count")).forEach(k ->
                    doc.problem(e.get(k).getKeyNode(), child(path, k), "unknown key; accepted: from, count"));
            Long from = e.containsKey("from")
                    ? doc.integer(value(e, "from"), child(path, "from"), 0, MAX_SEED, "an integer >= 0") : Long.valueOf(0);
            Long count = e.containsKey("count")
                    ? doc.integer(value(e, "count"), child(path, "count"), 1, 1_000_000, "an integer from 1 to 1000000")
                    : null;
            if (!e.containsKey("count")) {
                doc.problem(n, child(path, "count"), "missing; accepted: an integer from 1 to 1000000");
            }
            for (long s = 0; from != null && count != null && s < count; s++) {
                seeds.add(from + s);
            }
        } else {
            List<Node> items = doc.items(n, path, SEEDS_ACCEPTED);
            if (items != null && items.isEmpty()) {
                doc.problem(n, path, "found an empty list; accepted: " + SEEDS_ACCEPTED);
            }
            for (int i = 0; items != null && i < items.size(); i++) {
                Long s = doc.integer(items.get(i), item(path, i), 0, MAX_SEED, "an integer >= 0");
                if (s != null && seeds.contains(s)) {
                    doc.problem(items.get(i), item(path, i), "seed " + s + " is listed twice (first as "
                            + item(path, seeds.indexOf(s)) + "); keep one");
                }
                seeds.add(s);
            }
        }
        return seeds;
    }

    private Map<String, List<String>> variants(Node n, String path) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, NodeTuple> entries = n == null ? Map.of()
                : doc.entries(n, path, "a mapping from a listed method to its variants, e.g. " + exampleVariants());
        if (entries == null) {
            entries = Map.of();
        }
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String m = e.getKey();
            String p = child(path, m);
            if (!methods.contains(m)) {
                if (benchmark != null) {
                    doc.problem(e.getValue().getKeyNode(), p, "method '" + m + "' is not in methods; accepted: "
                            + String.join(", ", methods));
                }
                continue;
            }
            List<String> known = benchmark.variants(m);
            List<Node> items = doc.items(e.getValue().getValueNode(), p, "a list of variants of " + m + ": "
                    + String.join(", ", known));
            if (items == null) {
                continue;
            }
            if (items.isEmpty()) {
                doc.problem(e.getValue().getValueNode(), p, "found an empty list; accepted: variants of " + m + ": "
                        + String.join(", ", known) + " (leave the method out of variants to run it as itself)");
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String v = doc.text(items.get(i), item(p, i), "a variant name");
                if (v == null) {
                    continue;
                }
                if (list.contains(v)) {
                    doc.problem(items.get(i), item(p, i), "'" + v + "' is listed twice (first as "
                            + item(p, list.indexOf(v)) + "); keep one");
                } else if (!known.contains(v)) {
                    doc.problem(items.get(i), item(p, i), "unknown variant '" + v + "' of " + m + "; accepted: "
                            + String.join(", ", known));
                }
                list.add(v);
            }
            out.put(m, List.copyOf(list));
        }
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String m : methods) {
            all.put(m, out.getOrDefault(m, List.of("full")));
        }
        return all;
    }

    /** The listed methods that accept {@code key}; none is a problem at {@code keyNode}. */
    private List<String> accepting(String key, Node keyNode, String path) {
        List<String> accepting = new ArrayList<>();
        Set<String> union = new TreeSet<>();
        for (String m : methods) {
            for (ParamDef d : benchmark.params(m)) {
                union.add(d.name());
                if (d.name().equals(key)) {
                    accepting.add(m);
                }
            }
        }
        if (accepting.isEmpty() && !methods.isEmpty()) {
            List<String> elsewhere = benchmark.methods().stream()
                    .filter(m -> benchmark.params(m).stream().anyMatch(d -> d.name().equals(key))).toList();
            doc.problem(keyNode, path, "no listed method accepts hyper-parameter '" + key + "'"
                    + (elsewhere.isEmpty() ? "" : " (only " + String.join(", ", elsewhere) + ", not in methods)")
                    + "; accepted: " + String.join(", ", union));
        }
        return accepting;
    }

    private static ParamDef def(Benchmark b, String method, String key) {
        return b.params(method).stream().filter(d -> d.name().equals(key)).findFirst().orElseThrow();
    }

    /** The value as every accepting method takes it (the first's typed form), or null after a problem. */
    private Object paramValue(String key, List<String> accepting, Node n, String path) {
        Object raw = doc.scalar(n, path, "a single value");
        if (raw == null) {
            return null;
        }
        Object typed = null;
        Set<String> seen = new LinkedHashSet<>();
        for (String m : accepting) {
            ParamDef d = def(benchmark, m, key);
            try {
                Object v = d.coerce(raw);
                typed = typed == null ? v : typed;
            } catch (InvalidSpecException e) {
                if (seen.add(d.accepted())) {
                    doc.problem(n, path, "found " + found(n) + "; accepted: " + d.accepted()
                            + (accepting.size() > 1 ? " (as " + m + " takes " + key + ")" : ""));
                }
                typed = null;
                break;
            }
        }
        return typed;
    }

    private Map<String, Object> params(Node n, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n == null || benchmark == null) {
            return out;
        }
        Map<String, NodeTuple> entries = doc.entries(n, path, "a mapping from hyper-parameter to one value, "
                + "e.g. {" + exampleParam() + ": 0.5}");
        for (Map.Entry<String, NodeTuple> e : entries == null ? Map.<String, NodeTuple>of().entrySet() : entries.entrySet()) {
            String p = child(path, e.getKey());
            List<String> accepting = accepting(e.getKey(), e.getValue().getKeyNode(), p);
            if (accepting.isEmpty()) {
                continue;
            }
            Object v = paramValue(e.getKey(), accepting, e.getValue().getValueNode(), p);
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private Map<String, List<Object>> grid(Node n, String path, Set<String> fixed) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        if (n == null || benchmark == null) {
            return out;
        }
        Map<String, NodeTuple> entries = doc.entries(n, path, "a mapping from hyper-parameter to a list of values, "
                + "e.g. {" + exampleParam() + ": [0.001, 0.005]}");
        for (Map.Entry<String, NodeTuple> e : entries == null ? Map.<String, NodeTuple>of().entrySet() : entries.entrySet()) {
            String key = e.getKey();
            String p = child(path, key);
            if (fixed.contains(key)) {
                doc.problem(e.getValue().getKeyNode(), p, key + " is also set in params; keep one of the two");
                continue;
            }
            List<String> accepting = accepting(key, e.getValue().getKeyNode(), p);
            if (accepting.isEmpty()) {
                continue;
            }
            List<Node> items = doc.items(e.getValue().getValueNode(), p, "a list of values, e.g. [a, b]");
            if (items == null) {
                continue;
            }
            if (items.isEmpty()) {
                doc.problem(e.getValue().getValueNode(), p, "found an empty list; accepted: at least one value");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object v = paramValue(key, accepting, items.get(i), item(p, i));
                if (v != null && values.contains(v)) {
                    doc.problem(items.get(i), item(p, i), "value " + v + " is listed twice (first as "
                            + item(p, values.indexOf(v)) + "); keep one");
                }
                values.add(v);
            }
            out.put(key, values);
        }
        return out;
    }

    private RandomSearch random(Node n, String path, Set<String> taken) {
        if (n == null || benchmark == null) {
            return RandomSearch.NONE;
        }
        Map<String, NodeTuple> entries = doc.entries(n, path, "a mapping with n, optional seed, and hyper-parameter "
                + "distributions, e.g. {n: 8, " + exampleParam() + ": {log_uniform: [0.0001, 0.05]}}");
        if (entries == null) {
            return RandomSearch.NONE;
        }
        Long count = entries.containsKey("n")
                ? doc.integer(value(entries, "n"), child(path, "n"), 0, 100_000, "an integer from 0 to 100000") : null;
        if (!entries.containsKey("n")) {
            doc.problem(n, child(path, "n"), "missing; accepted: the number of configurations to draw (0 turns the "
                    + "random search off)");
        }
        Long seed = entries.containsKey("seed")
                ? doc.integer(value(entries, "seed"), child(path, "seed"), 0, Long.MAX_VALUE, "an integer >= 0") : Long.valueOf(0);
        Map<String, Distribution> dists = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.equals("n") || key.equals("seed")) {
                continue;
            }
            String p = child(path, key);
            if (taken.contains(key)) {
                doc.problem(e.getValue().getKeyNode(), p, key + " is also set in params or grid; keep one");
                continue;
            }
            List<String> accepting = accepting(key, e.getValue().getKeyNode(), p);
            if (accepting.isEmpty()) {
                continue;
            }
            Distribution d = distribution(e.getValue().getValueNode(), p);
            if (d != null && fits(d, key, accepting, e.getValue().getValueNode(), p)) {
                dists.put(key, d);
            }
        }
        if (count != null && count > 0 && dists.isEmpty() && entries.keySet().stream()
                .allMatch(k -> k.equals("n") || k.equals("seed"))) {
            doc.problem(n, path, "n is " + count + " but nothing is drawn; accepted: add a hyper-parameter, e.g. "
                    + exampleParam() + ": {log_uniform: [0.0001, 0.05]}");
        }
        return count == null || seed == null ? RandomSearch.NONE : new RandomSearch(count.intValue(), seed, dists);
    }

    private Distribution distribution(Node n, String path) {
        String accepted = "one of {uniform: [lo, hi]}, {log_uniform: [lo, hi]}, {int_uniform: [lo, hi]}, "
                + "{choice: [a, b, ...]}";
        Map<String, NodeTuple> e = doc.entries(n, path, accepted);
        if (e == null) {
            return null;
        }
        if (e.size() != 1 || !Distribution.KINDS.contains(e.keySet().iterator().next())) {
            doc.problem(n, path, "found keys " + e.keySet() + "; accepted: " + accepted);
            return null;
        }
        String kind = e.keySet().iterator().next();
        String p = child(path, kind);
        List<Node> items = doc.items(value(e, kind), p, kind.equals("choice") ? "a list of values" : "[lo, hi]");
        if (items == null) {
            return null;
        }
        if (kind.equals("choice")) {
            if (items.isEmpty()) {
                doc.problem(value(e, kind), p, "found an empty list; accepted: at least one value");
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object v = doc.scalar(items.get(i), item(p, i), "a single value");
                if (v != null && values.contains(v)) {
                    doc.problem(items.get(i), item(p, i), "value " + v + " is listed twice; keep one");
                    return null;
                }
                values.add(v);
            }
            return values.contains(null) ? null : new Distribution.Choice(values);
        }
        if (items.size() != 2) {
            doc.problem(value(e, kind), p, "found " + items.size() + " values; accepted: [lo, hi]");
            return null;
        }
        if (kind.equals("int_uniform")) {
            Long lo = doc.integer(items.get(0), item(p, 0), Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
            Long hi = doc.integer(items.get(1), item(p, 1), Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
            if (lo == null || hi == null) {
                return null;
            }
            if (lo > hi) {
                doc.problem(value(e, kind), p, "found lo " + lo + " > hi " + hi + "; accepted: lo <= hi");
                return null;
            }
            return new Distribution.IntUniform(lo, hi);
        }
        Double lo = doc.number(items.get(0), item(p, 0), "a number");
        Double hi = doc.number(items.get(1), item(p, 1), "a number");
        if (lo == null || hi == null) {
            return null;
        }
        if (!(lo < hi) || (kind.equals("log_uniform") && lo <= 0)) {
            doc.problem(value(e, kind), p, "found [" + lo + ", " + hi + "]; accepted: lo < hi"
                    + (kind.equals("log_uniform") ? " and lo > 0" : ""));
            return null;
        }
        return new Distribution.Interval(kind.equals("log_uniform"), lo, hi);
    }

    /** Whether every draw is a value each accepting method takes (type and range, checked at the extremes). */
    private boolean fits(Distribution d, String key, List<String> accepting, Node n, String path) {
        for (String m : accepting) {
            ParamDef def = def(benchmark, m, key);
            boolean typeOk = switch (def.type()) {
                case INT -> d.integral();
                case DOUBLE -> d instanceof Distribution.Choice c
                        ? c.values().stream().allMatch(v -> v instanceof Number) : true;
                case BOOL, CHOICE -> d instanceof Distribution.Choice;
            };
            if (!typeOk) {
                doc.problem(n, path, "found " + d.toYaml() + "; accepted for " + key + " (" + def.accepted() + "): "
                        + (def.type() == ParamType.INT ? "int_uniform or choice of integers"
                        : def.type() == ParamType.DOUBLE ? "uniform, log_uniform, int_uniform or choice of numbers"
                        : "choice"));
                return false;
            }
            for (Object v : d.extremes()) {
                try {
                    def.coerce(v);
                } catch (InvalidSpecException e) {
                    doc.problem(n, path, "can draw " + v + "; accepted for " + key + ": " + def.accepted());
                    return false;
                }
            }
        }
        return true;
    }

    private List<String> baselines(Node n, String path) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        List<Node> items = YamlDocument.isScalar(n) ? List.of(n)
                : doc.items(n, path, "a method name or a list of them, e.g. " + exampleMethods());
        if (items == null) {
            return out;
        }
        if (items.isEmpty() && !recorded) {
            doc.problem(n, path, "found an empty list; accepted: at least one listed method, or no baseline key");
        }
        for (int i = 0; i < items.size(); i++) {
            String p = items.size() == 1 && YamlDocument.isScalar(n) ? path : item(path, i);
            String b = doc.text(items.get(i), p, "a method name");
            if (b == null) {
                continue;
            }
            if (out.contains(b)) {
                doc.problem(items.get(i), p, "'" + b + "' is listed twice; keep one");
            } else if (benchmark != null && !methods.contains(b)) {
                doc.problem(items.get(i), p, "baseline '" + b + "' is not in methods; accepted: "
                        + String.join(", ", methods) + " (add it to methods to run it)");
            }
            out.add(b);
        }
        return out;
    }
}
