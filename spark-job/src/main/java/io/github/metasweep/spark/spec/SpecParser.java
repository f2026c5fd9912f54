package io.github.metasweep.spark.spec;

import static io.github.metasweep.spark.spec.YamlDocument.child;
import static io.github.metasweep.spark.spec.YamlDocument.found;
import static io.github.metasweep.spark.spec.YamlDocument.item;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.model.core.MetricDef;
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
            "variants", "params", "grid", "random", "baseline", "max_runs", "tune", "method_params");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String NAME_ACCEPTED = "1 to 100 letters, digits, '.', '_' and '-', starting with a letter "
            + "or digit (it names the output folder), e.g. paper-table1";
    private static final String SEEDS_ACCEPTED = "a count N from 1 to 1000000 (seeds 0..N-1), {from: F, count: N}, "
            + "a list of distinct integers >= 0, or seeds until decided: {from: F, min: 10, max: 300, batch: 10, "
            + "until: decided, margin: 5, alpha: 0.05}";
    private static final List<String> SCHEDULE_KEYS = List.of("from", "min", "max", "batch", "until", "margin",
            "alpha");
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
            long count = SweepExpansion.count(spec) + selectionRuns(spec);
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

    /** The runs of a tuned sweep's selection phase: every tuned method's budget times the selection seeds. */
    private static long selectionRuns(SweepSpec spec) {
        if (spec.tuning() == null) {
            return 0;
        }
        long configurations = spec.tuning().budgets().values().stream().mapToLong(Integer::longValue).sum();
        return Math.multiplyExact(configurations, (long) spec.tuning().seeds().size());
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
        SeedSchedule schedule = seedsNode != null && isSchedule(seedsNode)
                ? schedule(seedsNode, child(path, "seeds")) : null;
        List<Long> seeds = seedsNode == null ? null : schedule != null ? schedule.seeds()
                : seeds(seedsNode, child(path, "seeds"));
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
        Map<String, Map<String, Object>> methodParams = methodParams(value(top, "method_params"),
                child(path, "method_params"), params.keySet(), grid.keySet());
        Tuning tuning = top.containsKey("tune") ? tuning(top, path, params, grid, random, variants) : null;
        if (tuning != null && seeds != null) {
            List<Long> overlap = tuning.seeds().stream().filter(seeds::contains).limit(3).toList();
            if (!overlap.isEmpty()) {
                doc.problem(value(top, "tune"), child(path, "tune.seeds"), "selection seeds overlap the reporting "
                        + "seeds (e.g. " + overlap + "); accepted: disjoint seeds, e.g. tune.seeds: {from: 1000, count: 10}"
                        + " while seeds start at 0");
            }
        }
        if (tuning != null && !methodParams.isEmpty() && !recorded) {
            doc.problem(value(top, "method_params"), child(path, "method_params"), "method_params and tune cannot be "
                    + "combined; accepted: fixed values in params, or a narrower tune.space");
        }
        if (schedule != null && baselines.isEmpty() && !recorded) {
            doc.problem(seedsNode, child(path, "seeds.until"), "seeds until decided needs comparisons; accepted: a "
                    + "baseline: listing the method to compare with, e.g. baseline: " + exampleMethods());
        }
        if (!problems.isEmpty() || maxRuns == null) {
            return null;
        }
        return new SweepSpec(name, description, benchmark.name(), seeds, List.copyOf(methods), variants, params, grid,
                random, baselines, maxRuns, tuning, schedule, methodParams);
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

    /** A seeds mapping with {@code until:} (or any key of the schedule besides from and count) is a schedule. */
    private static boolean isSchedule(Node n) {
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
            return false;
        }
        return m.getValue().stream().map(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
                ? k.getValue() : "").anyMatch(k -> SCHEDULE_KEYS.contains(k) && !k.equals("from"));
    }

    private SeedSchedule schedule(Node n, String path) {
        Map<String, NodeTuple> e = doc.entries(n, path, SEEDS_ACCEPTED);
        if (e == null) {
            return null;
        }
        e.keySet().stream().filter(k -> !SCHEDULE_KEYS.contains(k)).forEach(k -> doc.problem(e.get(k).getKeyNode(),
                child(path, k), "unknown key of seeds until decided; accepted: " + String.join(", ", SCHEDULE_KEYS)));
        for (String k : List.of("min", "max", "batch", "until")) {
            if (!e.containsKey(k)) {
                doc.problem(n, child(path, k), "missing; seeds until decided needs min, max, batch and until: decided, "
                        + "e.g. {min: 10, max: 300, batch: 10, until: decided, margin: 5}");
            }
        }
        Long from = e.containsKey("from") ? doc.integer(value(e, "from"), child(path, "from"), 0, MAX_SEED,
                "an integer >= 0") : Long.valueOf(0);
        Long min = e.containsKey("min") ? doc.integer(value(e, "min"), child(path, "min"), 2, 1_000_000,
                "the seeds every configuration gets first, an integer from 2 to 1000000") : null;
        Long max = e.containsKey("max") ? doc.integer(value(e, "max"), child(path, "max"), 2, 1_000_000,
                "the most seeds a configuration gets, an integer from 2 to 1000000") : null;
        Long batch = e.containsKey("batch") ? doc.integer(value(e, "batch"), child(path, "batch"), 1, 1_000_000,
                "the seeds added between two looks, an integer >= 1") : null;
        if (e.containsKey("until")) {
            String until = doc.text(value(e, "until"), child(path, "until"), "decided");
            if (until != null && !until.equals("decided")) {
                doc.problem(value(e, "until"), child(path, "until"), "found '" + until + "'; accepted: decided");
            }
        }
        Double margin = e.containsKey("margin") ? doc.number(value(e, "margin"), child(path, "margin"),
                "the equivalence margin in percent of the baseline's mean, a number >= 0") : Double.valueOf(0);
        if (margin != null && !(margin >= 0 && margin < 1e6)) {
            doc.problem(value(e, "margin"), child(path, "margin"), "found " + margin + "; accepted: a percentage >= 0 "
                    + "(0: no equivalence verdict), e.g. margin: 5");
            margin = null;
        }
        Double alpha = e.containsKey("alpha") ? doc.number(value(e, "alpha"), child(path, "alpha"),
                "a number in (0, 0.5]") : Double.valueOf(0.05);
        if (alpha != null && !(alpha > 0 && alpha <= 0.5)) {
            doc.problem(value(e, "alpha"), child(path, "alpha"), "found " + alpha + "; accepted: a number in (0, 0.5], "
                    + "e.g. 0.05");
            alpha = null;
        }
        if (min != null && max != null && min > max) {
            doc.problem(n, child(path, "min"), "found min " + min + " > max " + max + "; accepted: min <= max");
            return null;
        }
        if (from == null || min == null || max == null || batch == null || margin == null || alpha == null) {
            return null;
        }
        return new SeedSchedule(from, min.intValue(), max.intValue(), batch.intValue(), margin, alpha);
    }

    private Map<String, Map<String, Object>> methodParams(Node n, String path, Set<String> params, Set<String> grid) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (n == null || benchmark == null) {
            return out;
        }
        Map<String, NodeTuple> entries = doc.entries(n, path, "a mapping from a listed method to its own "
                + "hyper-parameters, e.g. {" + (methods.isEmpty() ? "method-a" : methods.get(0)) + ": {"
                + exampleParam() + ": 0.5}}");
        for (Map.Entry<String, NodeTuple> e : entries == null ? Map.<String, NodeTuple>of().entrySet() : entries.entrySet()) {
            String m = e.getKey();
            String p = child(path, m);
            if (!methods.contains(m)) {
                doc.problem(e.getValue().getKeyNode(), p, "method '" + m + "' is not in methods; accepted: "
                        + String.join(", ", methods));
                continue;
            }
            Map<String, NodeTuple> values = doc.entries(e.getValue().getValueNode(), p, "a mapping from hyper-parameter "
                    + "to one value");
            Map<String, Object> typed = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> v : values == null ? Map.<String, NodeTuple>of().entrySet() : values.entrySet()) {
                String k = v.getKey();
                if (grid.contains(k)) {
                    doc.problem(v.getValue().getKeyNode(), child(p, k), k + " is also swept in grid; keep one");
                    continue;
                }
                if (benchmark.params(m).stream().noneMatch(d -> d.name().equals(k))) {
                    doc.problem(v.getValue().getKeyNode(), child(p, k), m + " has no hyper-parameter '" + k
                            + "'; accepted: " + String.join(", ", benchmark.params(m).stream().map(ParamDef::name).toList()));
                    continue;
                }
                Object value = paramValue(k, List.of(m), v.getValue().getValueNode(), child(p, k));
                if (value != null) {
                    typed.put(k, value);
                }
            }
            out.put(m, typed);
        }
        return out;
    }

    private static final List<String> TUNE_KEYS = List.of("seeds", "metric", "statistic", "budget", "budgets", "seed",
            "space");

    private Tuning tuning(Map<String, NodeTuple> top, String root, Map<String, Object> params,
                          Map<String, List<Object>> grid, RandomSearch random, Map<String, List<String>> variants) {
        String path = child(root, "tune");
        Node n = value(top, "tune");
        if (benchmark == null) {
            return null;
        }
        Map<String, NodeTuple> e = doc.entries(n, path, "a mapping with keys " + String.join(", ", TUNE_KEYS));
        if (e == null) {
            return null;
        }
        e.keySet().stream().filter(k -> !TUNE_KEYS.contains(k)).forEach(k -> doc.problem(e.get(k).getKeyNode(),
                child(path, k), "unknown key of tune; accepted: " + String.join(", ", TUNE_KEYS)));
        if (!grid.isEmpty()) {
            doc.problem(n, path, "tune and grid cannot be combined (which grid point would the choice hold for?); "
                    + "accepted: fixed values in params, one sweep per setting");
        }
        if (random.n() > 0) {
            doc.problem(n, path, "tune and random cannot be combined; accepted: the distributions in tune.space");
        }
        for (String k : List.of("seeds", "metric", "space")) {
            if (!e.containsKey(k)) {
                doc.problem(n, child(path, k), "missing; tune needs seeds (the selection seeds), metric and space, e.g. "
                        + "tune: {seeds: {from: 1000, count: 10}, metric: " + headlineExample() + ", budget: 8, space: {"
                        + exampleMethods().replaceAll("[\\[\\]]", "").split(",")[0] + ": {" + exampleParam()
                        + ": {log_uniform: [0.0001, 0.01]}}}}");
            }
        }
        List<Long> seeds = e.containsKey("seeds") ? seeds(value(e, "seeds"), child(path, "seeds")) : null;
        String metric = null;
        if (e.containsKey("metric")) {
            List<String> declared = benchmark.metrics().stream().map(MetricDef::name).toList();
            metric = doc.text(value(e, "metric"), child(path, "metric"), "one of " + String.join(", ", declared));
            if (metric != null && !declared.contains(metric)) {
                doc.problem(value(e, "metric"), child(path, "metric"), "'" + metric + "' is not a metric of "
                        + benchmark.name() + "; accepted: " + String.join(", ", declared));
                metric = null;
            }
        }
        Tuning.Statistic statistic = Tuning.Statistic.MEAN;
        if (e.containsKey("statistic")) {
            String st = doc.text(value(e, "statistic"), child(path, "statistic"), "mean, median or iqm");
            statistic = st == null ? null : switch (st) {
                case "mean" -> Tuning.Statistic.MEAN;
                case "median" -> Tuning.Statistic.MEDIAN;
                case "iqm" -> Tuning.Statistic.IQM;
                default -> {
                    doc.problem(value(e, "statistic"), child(path, "statistic"), "found '" + st
                            + "'; accepted: mean, median or iqm");
                    yield null;
                }
            };
        }
        Long budget = e.containsKey("budget") ? doc.integer(value(e, "budget"), child(path, "budget"), 1, 100_000,
                "the configurations tried per method, an integer from 1 to 100000") : null;
        Long seed = e.containsKey("seed") ? doc.integer(value(e, "seed"), child(path, "seed"), 0, Long.MAX_VALUE,
                "an integer >= 0") : Long.valueOf(0);
        Map<String, TuningSpace> spaces = e.containsKey("space") ? spaces(value(e, "space"), child(path, "space"), params,
                variants)
                : Map.of();
        Map<String, Integer> stated = e.containsKey("budgets") ? statedBudgets(value(e, "budgets"),
                child(path, "budgets"), spaces.keySet()) : Map.of();
        Map<String, Integer> budgets = budgets(spaces, budget, stated, n, path);
        if (seeds == null || metric == null || statistic == null || seed == null || budgets == null) {
            return null;
        }
        return new Tuning(seeds, metric, statistic, budgets, seed, spaces);
    }

    private String headlineExample() {
        return benchmark.metrics().stream().filter(MetricDef::headline).map(MetricDef::name).findFirst()
                .orElse(benchmark.metrics().get(0).name());
    }

    /** {@code space:}: method (or {@code all}) to hyper-parameter to a list of values or a distribution. */
    private Map<String, TuningSpace> spaces(Node n, String path, Map<String, Object> params,
                                            Map<String, List<String>> variants) {
        Map<String, NodeTuple> entries = doc.entries(n, path, "a mapping from a listed method (or all) to its search "
                + "space, e.g. {" + methods.get(0) + ": {" + exampleParam() + ": {log_uniform: [0.0001, 0.01]}}}");
        if (entries == null) {
            return Map.of();
        }
        Map<String, NodeTuple> all = entries.containsKey("all") ? doc.entries(entries.get("all").getValueNode(),
                child(path, "all"), "a mapping from hyper-parameter to a list of values or a distribution") : Map.of();
        for (String m : entries.keySet()) {
            if (!m.equals("all") && !methods.contains(m)) {
                doc.problem(entries.get(m).getKeyNode(), child(path, m), "method '" + m + "' is not in methods; "
                        + "accepted: " + String.join(", ", methods) + " or all");
            }
        }
        Map<String, TuningSpace> out = new LinkedHashMap<>();
        for (String m : methods) {
            Map<String, NodeTuple> own = entries.containsKey(m) ? doc.entries(entries.get(m).getValueNode(),
                    child(path, m), "a mapping from hyper-parameter to a list of values or a distribution") : Map.of();
            Map<String, NodeTuple> merged = new LinkedHashMap<>();
            Set<String> accepted = new LinkedHashSet<>(benchmark.params(m).stream().map(ParamDef::name).toList());
            accepted.removeAll(benchmark.variantOverrides(m, variants.get(m).get(0)).keySet()); // tuned on its first
            if (all != null) {
                all.forEach((k, t) -> {
                    if (accepted.contains(k)) {
                        merged.put(k, t);
                    }
                });
            }
            if (own != null) {
                merged.putAll(own);
            }
            if (merged.isEmpty()) {
                continue;
            }
            String mp = child(path, entries.containsKey(m) ? m : "all");
            Map<String, List<Object>> grid = new LinkedHashMap<>();
            Map<String, Distribution> dists = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> kv : merged.entrySet()) {
                String k = kv.getKey();
                String p = child(mp, k);
                Node valueNode = kv.getValue().getValueNode();
                if (!accepted.contains(k)) {
                    doc.problem(kv.getValue().getKeyNode(), p, m + " has no tunable hyper-parameter '" + k
                            + "'; accepted: " + String.join(", ", accepted));
                    continue;
                }
                if (params.containsKey(k)) {
                    doc.problem(kv.getValue().getKeyNode(), p, k + " is also fixed in params; keep one");
                    continue;
                }
                if (valueNode instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                    List<Node> items = doc.items(valueNode, p, "a list of values");
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object v = paramValue(k, List.of(m), items.get(i), item(p, i));
                        if (v != null && values.contains(v)) {
                            doc.problem(items.get(i), item(p, i), "value " + v + " is listed twice; keep one");
                        }
                        values.add(v);
                    }
                    if (values.isEmpty()) {
                        doc.problem(valueNode, p, "found an empty list; accepted: at least one value");
                    } else if (!values.contains(null)) {
                        grid.put(k, values);
                    }
                } else {
                    Distribution d = distribution(valueNode, p);
                    if (d != null && fits(d, k, List.of(m), valueNode, p)) {
                        dists.put(k, d);
                    }
                }
            }
            out.put(m, new TuningSpace(grid, dists));
        }
        if (out.isEmpty() && problems.isEmpty()) {
            doc.problem(n, path, "no listed method has a search space; accepted: at least one method with a "
                    + "hyper-parameter to tune");
        }
        return out;
    }

    private Map<String, Integer> statedBudgets(Node n, String path, Set<String> tuned) {
        Map<String, NodeTuple> entries = doc.entries(n, path, "a mapping from a tuned method to its budget, e.g. {"
                + (tuned.isEmpty() ? "method-a" : tuned.iterator().next()) + ": 4}");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries == null ? Map.<String, NodeTuple>of().entrySet() : entries.entrySet()) {
            if (!tuned.contains(e.getKey())) {
                doc.problem(e.getValue().getKeyNode(), child(path, e.getKey()), "'" + e.getKey() + "' has no search "
                        + "space; accepted: " + String.join(", ", tuned));
                continue;
            }
            Long b = doc.integer(e.getValue().getValueNode(), child(path, e.getKey()), 1, 100_000,
                    "an integer from 1 to 100000");
            if (b != null) {
                out.put(e.getKey(), b.intValue());
            }
        }
        return out;
    }

    /**
     * Every tuned method's number of configurations: a grid-only space has its grid's size, a random one
     * {@code budget} draws; they must be equal unless {@code budgets:} states a method's own.
     */
    private Map<String, Integer> budgets(Map<String, TuningSpace> spaces, Long budget, Map<String, Integer> stated,
                                         Node n, String path) {
        Map<String, Integer> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, TuningSpace> e : spaces.entrySet()) {
            String m = e.getKey();
            TuningSpace s = e.getValue();
            Integer b = stated.containsKey(m) ? stated.get(m) : budget == null ? null : budget.intValue();
            if (!s.random()) {
                long size = s.gridSize();
                if (b != null && b != size) {
                    doc.problem(n, child(path, stated.containsKey(m) ? "budgets." + m : "budget"), "the grid of " + m
                            + " has " + size + " configurations but its budget is " + b + "; accepted: a budget of "
                            + size + " (budgets: {" + m + ": " + size + "} if it differs from the others), or a "
                            + "distribution in its space so that the budget is drawn");
                    ok = false;
                    continue;
                }
                b = (int) size;
            } else if (b == null) {
                doc.problem(n, child(path, "budget"), m + " has a random search space but no budget; accepted: budget: "
                        + "N, the configurations drawn for every method");
                ok = false;
                continue;
            }
            out.put(m, b);
        }
        Set<Integer> unstated = new TreeSet<>();
        out.forEach((m, b) -> {
            if (!stated.containsKey(m)) {
                unstated.add(b);
            }
        });
        if (ok && unstated.size() > 1) {
            doc.problem(n, child(path, "budget"), "the tuned methods get unequal budgets " + out + ", which makes the "
                    + "comparison unfair; accepted: equal budgets (grids of equal size, or budget: N with "
                    + "distributions), or state the difference in budgets: {method: N}");
            ok = false;
        }
        return ok ? out : null;
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
