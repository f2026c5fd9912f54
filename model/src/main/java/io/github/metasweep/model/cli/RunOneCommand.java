package io.github.metasweep.model.cli;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.Runner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code run-one}: one run of one method, no Spark; the JSON result to a file or standard output. */
public final class RunOneCommand {
    static final String USAGE = """
            usage: run-one --method NAME [--seed N] [--variant NAME] [--set key=value]... [--out FILE]
                           [--benchmark NAME] [--quiet] [--help]
              --method     the method to run (see the list below)
              --seed       the run's seed, an integer >= 0 (default 0)
              --variant    an ablation variant of the method (default full)
              --set        any hyper-parameter, repeatable: --set k_lr=0.01 --set target=expert
              --out        where to write the JSON result (default: standard output)
              --benchmark  the benchmark (default pendulum-transfer)
              --quiet      no progress lines
            exit codes: 0 done (ok or diverged), 2 bad input, 1 a failure during the run
            """;

    private final PrintStream out;
    private final PrintStream err;

    public RunOneCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new RunOneCommand(System.out, System.err).execute(args));
    }

    /** Runs the command; returns the exit code. */
    public int execute(String[] args) {
        Options o;
        RunSpec spec;
        try {
            o = Options.parse(args);
            if (o.help) {
                out.print(USAGE);
                out.print(methodsHelp(o.benchmark));
                return 0;
            }
            if (o.method == null) {
                throw new UsageException("--method: missing; accepted: "
                        + String.join(", ", Benchmarks.get(o.benchmark).methods()));
            }
            spec = RunSpec.resolve(o.benchmark, o.method, o.variant, o.settings, o.seed);
            if (o.outFile != null) {
                checkOutput(o.outFile);
            }
        } catch (UsageException | InvalidSpecException e) {
            err.println("run-one: " + optionOf(e) + e.getMessage());
            return 2;
        }
        try {
            ProgressPrinter progress = new ProgressPrinter(err, spec.id(), o.quiet);
            RunResult result = Runner.run(spec, progress);
            String json = RunResultJson.write(result);
            if (o.outFile == null) {
                out.println(json);
            } else {
                writeAtomically(o.outFile, json);
            }
            StringBuilder metrics = new StringBuilder();
            result.metrics().forEach((k, v) -> metrics.append(' ').append(k).append('=')
                    .append(String.format(Locale.ROOT, "%.4g", v)));
            err.printf(Locale.ROOT, "%s %s%s in %.2f s%s%n", result.id(), result.status().label(), metrics,
                    result.seconds(), o.outFile == null ? "" : " -> " + o.outFile);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("run-one: the run failed: " + e);
            return 1;
        }
    }

    /** Hyper-parameter errors come from --set (or --seed); the message already starts with the name. */
    private static String optionOf(RuntimeException e) {
        if (e instanceof InvalidSpecException ise) {
            return switch (ise.field()) {
                case "method", "variant", "benchmark", "seed" -> "--";
                default -> "--set ";
            };
        }
        return "";
    }

    /** The output must be a writable file path, checked before the run: a folder, a missing or read-only folder fail. */
    static void checkOutput(Path target) {
        if (Files.isDirectory(target)) {
            throw new UsageException("--out: " + target + " is a folder; give a file name, e.g. " + target.resolve("result.json"));
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--out: folder " + parent + " does not exist; create it or choose another file");
        }
        Path probe = parent.resolve("." + target.getFileName() + ".write-check.tmp");
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException("--out: cannot write in " + parent + " (" + e.getClass().getSimpleName()
                    + "); choose a folder this user can write");
        }
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // never leave the temporary behind, whatever failed
        }
    }

    static String methodsHelp(String benchmarkName) {
        Benchmark b = Benchmarks.get(benchmarkName);
        StringBuilder s = new StringBuilder("\nbenchmark " + b.name() + ": " + b.description() + "\n");
        s.append("benchmarks: ").append(String.join(", ", Benchmarks.names())).append(" (choose with --benchmark)\n");
        s.append("\nmetrics of ").append(b.name()).append(":\n");
        for (MetricDef m : b.metrics()) {
            s.append(String.format(Locale.ROOT, "  %-14s %s%s; %s (%s)%n", m.name(), m.direction().label(),
                    m.headline() ? ", headline" : "", m.meaning(), m.unit()));
        }
        s.append("\nmethods of ").append(b.name()).append(":\n");
        for (String m : b.methods()) {
            s.append("  ").append(m).append("  (variants: ").append(String.join(", ", b.variants(m))).append(")\n");
            for (ParamDef d : b.params(m)) {
                s.append(String.format(Locale.ROOT, "      %-18s default %-10s %s; %s%n", d.name(), d.defaultValue(),
                        d.description(), d.accepted()));
            }
        }
        return s.toString();
    }

    /** Prints a progress line at most every second, and at the last episode. */
    static final class ProgressPrinter implements RunListener {
        private final PrintStream err;
        private final String id;
        private final boolean quiet;
        private final long start = System.nanoTime();
        private long lastPrint;

        ProgressPrinter(PrintStream err, String id, boolean quiet) {
            this.err = err;
            this.id = id;
            this.quiet = quiet;
        }

        @Override
        public void progress(long done, long total, String note) {
            long now = System.nanoTime();
            if (quiet || (now - lastPrint < 1_000_000_000L && done < total)) {
                return;
            }
            lastPrint = now;
            err.printf(Locale.ROOT, "%s: %d/%d (%s), %.1f s%n", id, done, total, note, (now - start) / 1e9);
        }
    }

    static final class Options {
        String benchmark = "pendulum-transfer";
        String method;
        String variant = "full";
        long seed;
        Path outFile;
        boolean help;
        boolean quiet;
        final Map<String, String> settings = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.equals("--set") && a.startsWith("--") && !seen.add(a)) {
                    throw new UsageException(a + ": given twice; keep one");
                }
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--quiet" -> o.quiet = true;
                    case "--method" -> o.method = value(args, ++i, a);
                    case "--variant" -> o.variant = value(args, ++i, a);
                    case "--benchmark" -> o.benchmark = value(args, ++i, a);
                    case "--out" -> {
                        String v = value(args, ++i, a);
                        if (v.isBlank()) {
                            throw new UsageException("--out: an empty path; give a file name, e.g. --out result.json");
                        }
                        o.outFile = Path.of(v);
                    }
                    case "--seed" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.seed = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new UsageException("--seed: '" + v + "' is not accepted; expected an integer >= 0");
                        }
                    }
                    case "--set" -> {
                        String kv = value(args, ++i, a);
                        int eq = kv.indexOf('=');
                        if (eq <= 0) {
                            throw new UsageException("--set: '" + kv + "' is not accepted; expected key=value, e.g. --set k_lr=0.01");
                        }
                        String key = kv.substring(0, eq).trim();
                        if (o.settings.containsKey(key)) {
                            throw new UsageException("--set: " + key + " is set twice; keep one");
                        }
                        o.settings.put(key, kv.substring(eq + 1));
                    }
                    default -> throw new UsageException("unknown option '" + a + "'; accepted: --method, --seed, "
                            + "--variant, --set, --out, --benchmark, --quiet, --help");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new UsageException(option + ": a value is missing");
            }
            return args[i];
        }
    }
}
