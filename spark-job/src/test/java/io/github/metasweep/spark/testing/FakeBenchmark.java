package io.github.metasweep.spark.testing;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.Trace;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.SparkEnv;

/**
 * A test-only benchmark, found by ServiceLoader from the test class path: instant runs with
 * pseudo-random returns fixed by the spec, plus switches for the sweep's failure paths.
 * <ul>
 *   <li>methods {@code base} (params: protocol only), {@code alpha} and {@code beta} (also {@code lr});
 *   {@code alpha} has variant {@code no-decay} fixing {@code decay=false}</li>
 *   <li>{@code fault}: {@code once} throws on the first attempt of a run (a marker file under the folder
 *   in system property {@value #MARKERS} remembers it), {@code always} on every attempt; only runs with
 *   seed {@code fault_seed} fail, or all when it is -1; {@code halt} sleeps half of {@code sleep_ms} and then
 *   halts the executor's JVM on a run's first attempt (never a driver's: a local test JVM would die)</li>
 *   <li>{@code diverge_seed} ({@code beta} only): the run with this seed ends as diverged</li>
 *   <li>{@code sleep_ms}: how long a run takes</li>
 *   <li>metrics {@code best_return}, {@code avg10_return} (higher is better) and {@code error} (lower is
 *   better, 1000 / (1 + best_return + 400)); a returns curve with pretrain and transfer phases, a gates trace</li>
 *   <li>every run that completes appends its id to the file in system property {@value #LOG}, when set</li>
 * </ul>
 */
public final class FakeBenchmark implements Benchmark {
    public static final String NAME = "fake";
    public static final String MARKERS = "metasweep.test.markers";
    public static final String LOG = "metasweep.test.log";
    /** The exit status of an executor halted by fault {@code halt}. */
    public static final int HALT_STATUS = 97;

    private static final List<ParamDef> COMMON = List.of(
            ParamDef.integer("episodes", 12, 1, 1000, "transfer episodes"),
            ParamDef.integer("pretrain", 3, 0, 1000, "pretrain episodes"),
            ParamDef.number("x", 1.0, 0.0, false, 10.0, "shifts the returns"),
            ParamDef.integer("sleep_ms", 0, 0, 60_000, "how long a run sleeps"),
            ParamDef.choice("fault", "none", List.of("none", "once", "always", "halt"), "injected failure"),
            ParamDef.integer("fault_seed", -1, -1, 1_000_000, "the seed whose runs fail (-1: every seed)"));
    private static final List<ParamDef> LEARNER = List.of(
            ParamDef.number("lr", 0.01, 0.0, true, 1.0, "learning rate"),
            ParamDef.bool("decay", true, "decays the learning rate"));

    @Override
    public String name() {
        return NAME;
    }

    /** The lower-is-better metric: a positive transform of the best return, so improvements can be checked. */
    public static double error(double bestReturn) {
        return 1000.0 / (1 + bestReturn + 400);
    }

    @Override
    public String description() {
        return "instant fake runs for the sweep job's tests";
    }

    @Override
    public List<MetricDef> metrics() {
        return List.of(MetricDef.higher("best_return", "return", "max of the transfer returns", true),
                MetricDef.higher("avg10_return", "return", "mean of the last 10 transfer returns", true),
                MetricDef.lower("error", "units", "1000 / (1 + best_return + 400)", false));
    }

    /** One claim of each kind, so the report's generic claim checks run on fake data. */
    @Override
    public List<PublishedClaim> claims() {
        return List.of(
                PublishedClaim.value("fake Table 1", "fake paper", new PublishedClaim.Side("base", "full", "best_return"),
                        PublishedClaim.Statistic.MEAN, -170.0, Map.of(), "mean best return of base"),
                PublishedClaim.improvement("fake Table 1", "fake paper",
                        new PublishedClaim.Side("alpha", "full", "best_return"),
                        new PublishedClaim.Side("base", "full", "best_return"), PublishedClaim.Statistic.MEAN, 5.0,
                        Map.of(), "mean improvement of alpha over base (%)"),
                PublishedClaim.better("fake claims", "fake paper", new PublishedClaim.Side("alpha", "full", "error"),
                        new PublishedClaim.Side("base", "full", "error"), Map.of(), "alpha's error is lower than base's"));
    }

    @Override
    public List<String> methods() {
        return List.of("base", "alpha", "beta");
    }

    @Override
    public List<ParamDef> params(String method) {
        List<ParamDef> all = new ArrayList<>(COMMON);
        if (!method.equals("base")) {
            all.addAll(LEARNER);
        }
        if (method.equals("beta")) {
            all.add(ParamDef.integer("diverge_seed", -1, -1, 1_000_000, "the seed whose run diverges"));
        }
        return all;
    }

    @Override
    public List<String> variants(String method) {
        return method.equals("alpha") ? List.of("full", "no-decay") : List.of("full");
    }

    @Override
    public Map<String, Object> variantOverrides(String method, String variant) {
        return variant.equals("no-decay") ? Map.of("decay", false) : Map.of();
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        ParamSet p = spec.params();
        String fault = p.getString("fault");
        boolean chosen = p.getInt("fault_seed") < 0 || p.getInt("fault_seed") == spec.seed();
        if (chosen && (fault.equals("always") || (fault.equals("once") && firstAttempt(spec.id())))) {
            throw new IllegalStateException("injected fault in run " + spec.id());
        }
        if (chosen && fault.equals("halt")) {
            haltExecutorMidRun(spec.id(), p.getInt("sleep_ms"));
        }
        sleep(p.getInt("sleep_ms"));
        SplittableRandom rng = new SplittableRandom(spec.seed() * 1_000_003L + spec.method().hashCode() * 31L
                + p.canonical().hashCode());
        double shift = p.getDouble("x") * 10 + (spec.method().equals("base") ? 0 : 25 * p.getDouble("lr") * 10);
        double[] pre = new double[p.getInt("pretrain")];
        double[] post = new double[p.getInt("episodes")];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = -300 + shift + 40 * rng.nextDouble();
        }
        List<double[]> gates = new ArrayList<>();
        for (int i = 0; i < post.length; i++) {
            post[i] = -200 + shift + 60 * rng.nextDouble() + i;
            gates.add(new double[] {pre.length + i + 1, 0.5 + 0.01 * i});
        }
        boolean diverged = spec.method().equals("beta") && spec.seed() == p.getInt("diverge_seed");
        log(spec.id());
        double best = java.util.Arrays.stream(post).max().orElse(Double.NaN);
        double avg10 = java.util.Arrays.stream(post, Math.max(0, post.length - 10), post.length).average()
                .orElse(Double.NaN);
        double[] all = java.util.Arrays.copyOf(pre, pre.length + post.length);
        System.arraycopy(post, 0, all, pre.length, post.length);
        Curve indexed = Curve.indexed("episode", "return", all);
        Curve returns = new Curve("episode", "return", indexed.x(), all, List.of(new Curve.Phase("pretrain", 0,
                pre.length), new Curve.Phase("transfer", pre.length, all.length)));
        Map<String, Trace> traces = spec.method().equals("base") ? Map.of() : Map.of("gates", new Trace(
                Trace.Kind.BAND, "episode", "gate", List.of(new Trace.Series("layer 1", Trace.Style.LINE, false,
                gates.stream().mapToDouble(g -> g[0]).toArray(), gates.stream().mapToDouble(g -> g[1]).toArray()))));
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put("best_return", diverged ? Double.NaN : best);
        metrics.put("avg10_return", diverged ? Double.NaN : avg10);
        metrics.put("error", diverged ? Double.NaN : error(best));
        return new RunResult(spec.id(), diverged ? RunStatus.DIVERGED : RunStatus.OK, spec.benchmark(), spec.method(),
                spec.variant(), spec.seed(), p, metrics, Map.of("returns", returns), traces,
                0.001 * p.getInt("sleep_ms"), diverged ? "made to diverge" : null, Provenance.current());
    }

    private static void haltExecutorMidRun(String id, int sleepMs) {
        SparkEnv env = SparkEnv.get();
        if (env == null || env.executorId().equals("driver")) {
            throw new IllegalStateException("fault 'halt' needs executors in their own JVMs (local-cluster or a cluster)");
        }
        if (firstAttempt(id)) {
            sleep(sleepMs / 2);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    private static boolean firstAttempt(String id) {
        try {
            Path dir = Path.of(System.getProperty(MARKERS));
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(id));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void log(String id) {
        String file = System.getProperty(LOG);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
