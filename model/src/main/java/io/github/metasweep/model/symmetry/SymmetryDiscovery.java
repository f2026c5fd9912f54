package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.SingleVariantBenchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Side;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symmetry discovery on the navigation task's reward (docs/protocols/hereditary-symmetry.md): from {@code samples}
 * next states around the base task's goal and their rewards, learn the generator of the reward's symmetry (the
 * rotation about the goal, in the chart centred on it) with the differential or the functional loss, and measure
 * how far the learnt generator is from the truth, how fast it gets there, and whether it collapses.
 */
public final class SymmetryDiscovery extends SingleVariantBenchmark {
    public static final String NAME = "symmetry-discovery";
    static final String SAMPLES = "samples";
    static final String STEPS = "steps";
    static final String BATCH = "batch";
    static final String LR = "lr";
    static final String RADIUS = "radius";
    static final String TOLERANCE = "tolerance";
    static final String REGION = "region";
    static final String FRAMES = "frames";
    static final String THRESHOLD = "threshold";
    static final String FUNCTION = "function";
    static final int RECORD_EVERY = 100;
    static final double WORST = Math.sqrt(2);

    static final List<String> METHODS = List.of("differential", "functional");

    static final List<MetricDef> METRICS = List.of(
            MetricDef.lower("generator_error", "unit-norm distance", "min over sign of the Frobenius distance between "
                    + "the learnt generator and [[0, -1], [1, 0]], both scaled to unit norm (sqrt 2 for a failed run)",
                    true),
            MetricDef.lower("steps_to_threshold", "Adam steps", "the first recorded step (every 100) at which the "
                    + "generator error is below the threshold; the step budget when it never is (censored)", true),
            MetricDef.lower("discovery_failures", "share of runs", "1 when discovery collapsed to W = 0, diverged or found no "
                    + "kernel frame, else 0; its mean over seeds is the failure rate", false));

    static final List<ParamDef> PROTOCOL = List.of(
            ParamDef.integer(SAMPLES, 1000, 1, 10_000_000, "next states (with their rewards) the discovery sees"),
            ParamDef.integer(STEPS, 10_000, 1, 10_000_000, "Adam steps"),
            ParamDef.integer(BATCH, 128, 1, 1_000_000, "points per step (the paper's code)"),
            ParamDef.number(LR, 4.5e-4, 0.0, true, 10.0, "Adam rate (the paper's code, both methods)"),
            ParamDef.number(RADIUS, 0.05, 0.0, true, 100.0, "neighbourhood radius of the kernel frames"),
            ParamDef.number(TOLERANCE, 0.005, 0.0, true, 100.0, "largest reward difference of a neighbour on the "
                    + "same level set"),
            ParamDef.number(REGION, 1.0, 0.0, true, 100.0, "samples are uniform in the disc of this radius around "
                    + "the goal"),
            ParamDef.choice(FRAMES, "data", List.of("data", "oracle"), "differential's kernel frames: estimated "
                    + "from the samples, or the true tangents"),
            ParamDef.number(THRESHOLD, 0.1, 0.0, true, 2.0, "generator error that counts as found"),
            ParamDef.choice(FUNCTION, "data", List.of("data", "exact"), "functional's invariant function: regressed "
                    + "from the samples (Gaussian kernel, bandwidth = radius), or the exact reward"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "learn the generator of the navigation reward's symmetry from samples, with the differential or the "
                + "functional loss";
    }

    @Override
    public List<String> methods() {
        return METHODS;
    }

    @Override
    protected List<ParamDef> protocol() {
        return PROTOCOL;
    }

    @Override
    public List<MetricDef> metrics() {
        return METRICS;
    }

    @Override
    public List<PublishedClaim> claims() {
        String table = "hereditary symmetry paper, discovery";
        String source = "paper (qualitative: no numbers published)";
        return List.of(
                PublishedClaim.better(table, source, new Side("differential", "full", "steps_to_threshold"),
                        new Side("functional", "full", "steps_to_threshold"), Map.of(),
                        "differential discovery converges faster than functional"),
                PublishedClaim.better(table, source, new Side("differential", "full", "generator_error"),
                        new Side("functional", "full", "generator_error"), Map.of(),
                        "differential discovery ends closer to the true symmetry"),
                PublishedClaim.better(table, source, new Side("differential", "full", "discovery_failures"),
                        new Side("functional", "full", "discovery_failures"), Map.of(),
                        "differential discovery fails less often"));
    }

    /** The base task's reward in the chart centred on its goal. */
    static double reward(double[] q) {
        return -Math.hypot(q[0], q[1]);
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        GaussianStream data = GaussianStream.forRun(spec.seed(), "samples");
        int n = p.getInt(SAMPLES);
        double region = p.getDouble(REGION);
        double[][] q = new double[n][];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double radius = region * Math.sqrt(data.uniform(0, 1)); // uniform in the disc
            double angle = data.uniform(0, 2 * Math.PI);
            q[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            r[i] = reward(q[i]);
        }
        boolean differential = spec.method().equals("differential");
        KernelFrames.Frames frames = null;
        if (differential) {
            if (p.getString(FRAMES).equals("oracle")) {
                double[][] k = new double[n][];
                for (int i = 0; i < n; i++) {
                    k[i] = KernelFrames.oracle(q[i]);
                }
                frames = new KernelFrames.Frames(q, k);
            } else {
                frames = KernelFrames.estimate(q, r, p.getDouble(RADIUS), p.getDouble(TOLERANCE));
            }
        }
        int steps = p.getInt(STEPS);
        double threshold = p.getDouble(THRESHOLD);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int[] reached = {steps};
        double[] w = null;
        if (!differential || frames.size() > 0) {
            java.util.function.ToDoubleFunction<double[]> f = SymmetryDiscovery::reward;
            if (!differential && p.getString(FUNCTION).equals("data")) {
                f = new RewardRegression(q, r, p.getDouble(RADIUS))::at;
            }
            w = GeneratorDiscovery.run(differential, frames, q, f, steps, p.getInt(BATCH),
                    p.getDouble(LR), GaussianStream.forRun(spec.seed(), "discovery"), RECORD_EVERY, (step, now) -> {
                        double e = Generator2.errorUpToScale(now, Generator2.ROTATION);
                        xs.add((double) step);
                        ys.add(Double.isFinite(e) ? e : WORST);
                        if (e < threshold && reached[0] == steps) {
                            reached[0] = step;
                        }
                        if (step % 1000 == 0) {
                            listener.progress(step, steps, "generator error " + e);
                        }
                    });
        }
        double error = w == null ? Double.NaN : Generator2.errorUpToScale(w, Generator2.ROTATION);
        boolean failed = !Double.isFinite(error) || Generator2.norm(w) < 1e-3;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("generator_error", failed ? WORST : error);
        metrics.put("steps_to_threshold", (double) (failed ? steps : reached[0]));
        metrics.put("discovery_failures", failed ? 1.0 : 0.0);
        Map<String, Curve> curves = new LinkedHashMap<>();
        if (!xs.isEmpty()) {
            curves.put("generator_error", new Curve("Adam step", "generator error (unit-norm distance)",
                    xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), List.of()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), RunStatus.OK, spec.benchmark(), spec.method(), spec.variant(), spec.seed(), p,
                metrics, curves, Map.of("generator-orbits", orbits(failed ? null : w)), seconds, null,
                Provenance.current());
    }

    /** Radii of the points whose orbits the trace draws. */
    static final double[] ORBIT_STARTS = {0.3, 0.6, 0.9};
    static final int ORBIT_POINTS = 65;

    /**
     * The learnt generator's flow next to the true one: the orbits {@code exp(c W) q0}, c in [0, 2 pi], of the
     * points (r, 0), with W scaled to the true generator's Frobenius norm (sqrt 2; the sign does not change an
     * orbit's curve). The true orbits are the circles about the goal; a failed run draws only those.
     */
    static Trace orbits(double[] w) {
        List<Trace.Series> series = new ArrayList<>();
        for (double r : ORBIT_STARTS) {
            series.add(orbit("true orbit from r = " + r, true, Generator2.ROTATION, r));
        }
        if (w != null) {
            double[] unit = Generator2.scale(w, Math.sqrt(2) / Generator2.norm(w));
            for (double r : ORBIT_STARTS) {
                series.add(orbit("learnt orbit from r = " + r, false, unit, r));
            }
        }
        return new Trace(Trace.Kind.EXAMPLE, "x - goal x", "y - goal y", series);
    }

    private static Trace.Series orbit(String name, boolean shared, double[] w, double r) {
        double[] x = new double[ORBIT_POINTS];
        double[] y = new double[ORBIT_POINTS];
        for (int i = 0; i < ORBIT_POINTS; i++) {
            double[] q = Generator2.apply(Generator2.exp(Generator2.scale(w, 2 * Math.PI * i / (ORBIT_POINTS - 1))),
                    new double[] {r, 0});
            x[i] = q[0];
            y[i] = q[1];
        }
        return new Trace.Series(name, Trace.Style.LINE, shared, x, y);
    }
}
