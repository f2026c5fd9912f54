package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Trace;
import io.github.metasweep.model.core.meta.InnerSgd;
import io.github.metasweep.model.core.meta.JointTraining;
import io.github.metasweep.model.core.meta.Maml;
import io.github.metasweep.model.core.meta.NeuronMl;
import io.github.metasweep.model.core.meta.NeuronMlParams;
import io.github.metasweep.model.core.meta.MetaLearner;
import io.github.metasweep.model.core.meta.MetaSgd;
import io.github.metasweep.model.core.meta.Reptile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Few-shot sinusoid regression (Finn et al. 2017, Section 5.1): meta-train on random sinusoids, then adapt
 * to {@code eval_tasks} fresh ones from K points with 0..10 plain SGD steps and measure the MSE on 100
 * evenly spaced x. The evaluation tasks depend only on the seed (common random numbers across methods).
 * See docs/protocols/sinusoid.md.
 */
public final class SinusoidRegression implements Benchmark {
    public static final String NAME = "sinusoid";
    public static final String SHOTS = "shots";
    public static final String META_BATCH = "meta_batch";
    public static final String INNER_LR = "inner_lr";
    public static final String INNER_STEPS = "inner_steps";
    public static final String OUTER_LR = "outer_lr";
    public static final String META_ITERATIONS = "meta_iterations";
    public static final String EVAL_TASKS = "eval_tasks";
    public static final String HIDDEN = "hidden";
    public static final String REPTILE_INNER_STEPS = "reptile_inner_steps";
    public static final String TEST_STEPS = "test_steps";
    public static final String REPTILE_INNER_LR = "reptile_inner_lr";
    public static final String EPSILON = "epsilon";
    public static final String CONTEXT_SIZE = "context_size";
    public static final String CONTEXT_LR = "context_lr";

    public static final int MAX_EVAL_STEPS = 10;
    /**
     * An evaluation MSE above this means the adaptation blew up (predictions beyond 100 where |y| <= 5; predicting 0
     * costs 4.25), though not yet to infinity: the run is DIVERGED as for a non-finite one, instead of one seed's
     * 1e41 deciding every mean.
     */
    static final double BLOWN_UP_MSE = 10_000;
    public static final int QUERY_POINTS = 100;
    public static final int EXAMPLE_TASKS = 3;
    public static final String MSE_BY_STEP = "mse_by_step";
    public static final String META_TRAIN_LOSS = "meta_train_loss";
    /** Points of the meta_train_loss curve (about 100, not every iteration). */
    static final int LOSS_POINTS = 100;
    static final int[] REPORTED_STEPS = {0, 1, 5, 10};

    public static final List<String> METHODS = List.of("maml", "fomaml", "reptile", "meta-sgd", "cavia",
            "neuronml", "pretrained", "oracle", "zero", "scratch");
    public static final String MASK_ON_SHARE = "mask_on_share";
    public static final String MSE_BY_DROPOUT = "mse_by_dropout";
    static final String DROP50_INCREASE = "mse_drop50_increase";
    public static final String MASK_BY_LAYER = "mask_by_layer";
    public static final String TASK_OVERLAP = "task_overlap";

    static final List<MetricDef> METRICS = List.of(
            MetricDef.lower("mse_step0", "MSE", "mean over the evaluation tasks of the MSE on 100 evenly spaced x "
                    + "in [-5, 5] before adaptation", false),
            MetricDef.lower("mse_step1", "MSE", "the same after 1 SGD step on the K support points", true),
            MetricDef.lower("mse_step5", "MSE", "the same after 5 SGD steps", false),
            MetricDef.lower("mse_step10", "MSE", "the same after 10 SGD steps", true),
            MetricDef.lower("mse_step10_drop10", "MSE", "mse_step10 with 10% of each hidden layer's units disabled "
                    + "before adaptation (the same units for every method of a seed and task)", false),
            MetricDef.lower("mse_step10_drop30", "MSE", "the same with 30% disabled", false),
            MetricDef.lower("mse_step10_drop50", "MSE", "the same with 50% disabled", false),
            MetricDef.lower(DROP50_INCREASE, "MSE", "mse_step10_drop50 - mse_step10: how much the method degrades "
                    + "when half of each hidden layer is disabled", false));

    static final List<ParamDef> PROTOCOL = List.of(
            ParamDef.integer(SHOTS, 10, 1, 1000, "K: support points (and query points in training) per task"),
            ParamDef.integer(META_BATCH, 25, 1, 10_000, "tasks per meta-iteration"),
            ParamDef.number(INNER_LR, 0.01, 0.0, true, 10.0, "alpha: plain SGD rate of the inner loop and of "
                    + "test-time adaptation"),
            ParamDef.integer(INNER_STEPS, 1, 1, 20, "inner SGD steps in meta-training"),
            ParamDef.number(OUTER_LR, 1e-3, 0.0, true, 1.0, "Adam rate of the outer (meta) update"),
            ParamDef.integer(META_ITERATIONS, 70_000, 1, 10_000_000, "meta-iterations (outer updates)"),
            ParamDef.integer(EVAL_TASKS, 600, 1, 1_000_000, "fresh evaluation tasks per run"),
            ParamDef.integer(HIDDEN, 40, 1, 1000, "units in each of the two hidden ReLU layers"));

    static final List<ParamDef> REPTILE = List.of(
            ParamDef.integer(REPTILE_INNER_STEPS, 5, 1, 1000, "SGD steps on the task's support points per "
                    + "meta-iteration"),
            ParamDef.number(REPTILE_INNER_LR, 0.01, 0.0, true, 10.0, "plain SGD rate of Reptile's inner loop"),
            ParamDef.number(EPSILON, 0.1, 0.0, true, 1.0, "outer step theta += epsilon * mean(W - theta)"));

    // Meta-SGD's rates are learnt for inner_steps steps; applied for ten they blow up (every K = 5 and K = 10 seed)
    static final List<ParamDef> META_SGD = List.of(
            ParamDef.choice(TEST_STEPS, "trained", List.of("trained", "all"), "test-time steps with the learnt "
                    + "rates: trained = the inner_steps it learnt them for, after which the parameters stay; all = "
                    + "every evaluation step"));

    static final List<ParamDef> CAVIA = List.of(
            ParamDef.integer(CONTEXT_SIZE, 5, 1, 1000, "context parameters concatenated to the input"),
            ParamDef.number(CONTEXT_LR, 1.0, 0.0, true, 100.0, "plain SGD rate of the context in the inner loop "
                    + "and at test time"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "few-shot sinusoid regression (MAML paper, Section 5.1): meta-train, then adapt to fresh tasks "
                + "from K points with 0..10 SGD steps";
    }

    @Override
    public List<String> methods() {
        return METHODS;
    }

    private static void check(String method) {
        if (!METHODS.contains(method)) {
            throw new InvalidSpecException("method", "method: unknown method '" + method + "'; accepted: "
                    + String.join(", ", METHODS));
        }
    }

    @Override
    public List<ParamDef> params(String method) {
        check(method);
        List<ParamDef> all = new ArrayList<>(PROTOCOL);
        if (method.equals("reptile")) {
            all.addAll(REPTILE);
        } else if (method.equals("cavia")) {
            all.addAll(CAVIA);
        } else if (method.equals("meta-sgd")) {
            all.addAll(META_SGD);
        } else if (method.equals("neuronml")) {
            all.addAll(NeuronMlParams.PARAMS);
        }
        return all;
    }

    @Override
    public List<String> variants(String method) {
        check(method);
        return method.equals("neuronml") ? NeuronMlParams.VARIANTS : List.of("full");
    }

    @Override
    public Map<String, Object> variantOverrides(String method, String variant) {
        if (!variants(method).contains(variant)) {
            throw new InvalidSpecException("variant", "variant: unknown variant '" + variant + "' of method "
                    + method + "; accepted: " + String.join(", ", variants(method)));
        }
        return method.equals("neuronml") ? NeuronMlParams.overrides(variant) : Map.of();
    }

    @Override
    public List<MetricDef> metrics() {
        return METRICS;
    }

    @Override
    public List<PublishedClaim> claims() {
        String table = "MAML paper, Section 5.1 / Figure 2";
        String source = "Finn et al. 2017";
        // the paper's setting: 70,000 meta-iterations of 25 tasks, one inner step of 0.01 in training
        Map<String, Object> protocol = Map.of(META_ITERATIONS, 70_000, META_BATCH, 25, INNER_LR, 0.01,
                INNER_STEPS, 1);
        List<PublishedClaim> maml = Stream.of(
                PublishedClaim.better(table, source, new PublishedClaim.Side("maml", "full", "mse_step1"),
                        new PublishedClaim.Side("pretrained", "full", "mse_step1"), Map.of(),
                        "MAML adapts better in one step than a network pretrained on all tasks"),
                PublishedClaim.better(table, source, new PublishedClaim.Side("maml", "full", "mse_step10"),
                        new PublishedClaim.Side("maml", "full", "mse_step1"), Map.of(),
                        "MAML keeps improving with more steps")).map(c -> c.withProtocol(protocol)).toList();
        return Stream.concat(maml.stream(), NeuronMlClaims.of().stream()).toList();
    }

    /**
     * What a method trains (null learner: nothing) and how it adapts at test time: {@code rates} for the first
     * {@code adaptSteps} evaluation steps, no update after them.
     */
    record Setup(Mlp net, MetaLearner learner, double[] theta, double[] rates, boolean oracle, boolean zero,
                 int adaptSteps) {
        Setup(Mlp net, MetaLearner learner, double[] theta, double[] rates, boolean oracle, boolean zero) {
            this(net, learner, theta, rates, oracle, zero, MAX_EVAL_STEPS);
        }
    }

    static Setup setup(String method, ParamSet p, long seed, int capacity) {
        int hidden = p.getInt(HIDDEN);
        double alpha = p.getDouble(INNER_LR);
        int steps = p.getInt(INNER_STEPS);
        double outer = p.getDouble(OUTER_LR);
        GaussianStream init = GaussianStream.forRun(seed, "init");
        switch (method) {
            case "maml", "fomaml" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                double[] theta = net.init(init);
                Maml m = new Maml(theta, InnerSgd.uniform(theta.length, alpha), InnerSgd.uniform(theta.length, outer),
                        steps, method.equals("maml"));
                return new Setup(net, m, theta, m.innerRates(), false, false);
            }
            case "meta-sgd" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                double[] theta = net.init(init);
                MetaSgd m = new MetaSgd(theta, alpha, outer, steps);
                int adapt = p.getString(TEST_STEPS).equals("trained") ? steps : MAX_EVAL_STEPS;
                return new Setup(net, m, theta, m.innerRates(), false, false, adapt);
            }
            case "reptile" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                double[] theta = net.init(init);
                Reptile m = new Reptile(theta, p.getDouble(REPTILE_INNER_LR), p.getInt(REPTILE_INNER_STEPS),
                        p.getDouble(EPSILON), alpha);
                return new Setup(net, m, theta, m.innerRates(), false, false);
            }
            case "cavia" -> {
                Mlp net = new Mlp(1, p.getInt(CONTEXT_SIZE), hidden, capacity);
                double[] theta = net.init(init);
                double[] inner = new double[theta.length];
                double[] outerRates = InnerSgd.uniform(theta.length, outer);
                for (int c = net.contextOffset(); c < theta.length; c++) {
                    inner[c] = p.getDouble(CONTEXT_LR);
                    outerRates[c] = 0.0; // the context is reset to 0 for every task, never meta-learned
                }
                Maml m = new Maml(theta, inner, outerRates, steps, true);
                return new Setup(net, m, theta, m.innerRates(), false, false);
            }
            case "neuronml" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                double[] theta = net.init(init);
                int k = p.getInt(SHOTS);
                NeuronMl m = new NeuronMl(theta, alpha, outer, p.getDouble(NeuronMlParams.MASK_LR),
                        p.getDouble(NeuronMlParams.MASK_INIT), steps, true, !p.getBool(NeuronMlParams.MASK_LEARNT),
                        p.getString(NeuronMlParams.MASK_STEP).equals("sequential"),
                        NeuronMlParams.constraint(p, theta.length, p.getInt(META_BATCH) * 2 * k));
                return new Setup(net, m, m.theta(), m.innerRates(), false, false);
            }
            case "pretrained" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                double[] theta = net.init(init);
                JointTraining m = new JointTraining(theta, outer, InnerSgd.uniform(theta.length, alpha));
                return new Setup(net, m, theta, m.innerRates(), false, false);
            }
            case "oracle" -> {
                Mlp net = new Mlp(3, 0, hidden, capacity);
                double[] theta = net.init(init);
                JointTraining m = new JointTraining(theta, outer, new double[theta.length]);
                return new Setup(net, m, theta, m.innerRates(), true, false);
            }
            case "scratch" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                double[] theta = net.init(init);
                return new Setup(net, null, theta, InnerSgd.uniform(theta.length, alpha), false, false);
            }
            case "zero" -> {
                Mlp net = new Mlp(1, 0, hidden, capacity);
                return new Setup(net, null, new double[net.size()], new double[net.size()], false, true);
            }
            default -> throw new InvalidSpecException("method", "method: unknown method '" + method + "'");
        }
    }

    /** The share of mask entries {@code from..to-1} above 0.5. */
    private static double onShare(double[] mask, int from, int to) {
        int on = 0;
        for (int i = from; i < to; i++) {
            on += mask[i] > 0.5 ? 1 : 0;
        }
        return on / (double) (to - from);
    }

    /** The 100 evenly spaced query x on [-5, 5]. */
    public static double[] queryGrid() {
        double[] x = new double[QUERY_POINTS];
        for (int i = 0; i < QUERY_POINTS; i++) {
            x[i] = SinusoidTask.X_MIN + (SinusoidTask.X_MAX - SinusoidTask.X_MIN) * i / (QUERY_POINTS - 1);
        }
        return x;
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        int k = p.getInt(SHOTS);
        int batch = p.getInt(META_BATCH);
        int iterations = p.getInt(META_ITERATIONS);
        int evalTasks = p.getInt(EVAL_TASKS);
        Setup s = setup(spec.method(), p, spec.seed(), Math.max(k, QUERY_POINTS));
        String message = null;
        Map<String, Curve> curves = new LinkedHashMap<>();
        Map<String, Trace> traces = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricDef m : METRICS) {
            metrics.put(m.name(), Double.NaN);
        }
        if (s.learner() != null) {
            GaussianStream train = GaussianStream.forRun(spec.seed(), "train");
            SinusoidTask[] tasks = new SinusoidTask[batch];
            for (int t = 0; t < batch; t++) {
                tasks[t] = new SinusoidTask(s.net(), s.oracle(), k, k);
            }
            double[] lossX = new double[Math.min(iterations, LOSS_POINTS)];
            double[] lossY = new double[lossX.length];
            double[] maskShare = new double[lossX.length];
            double[][] layerShare = new double[3][lossX.length];
            double[] overlap = new double[lossX.length];
            int recorded = 0;
            for (int it = 0; it < iterations; it++) {
                for (int t = 0; t < batch; t++) {
                    tasks[t].sample(train, k, k);
                }
                // the last iteration of each of LOSS_POINTS equal slices (every iteration when fewer)
                boolean want = (long) (it + 1) * LOSS_POINTS / iterations != (long) it * LOSS_POINTS / iterations
                        || iterations <= LOSS_POINTS;
                double loss = s.learner().step(tasks, batch, want);
                if (want) {
                    lossX[recorded] = it + 1;
                    if (s.learner() instanceof NeuronMl n) {
                        maskShare[recorded] = onShare(n.mask(), 0, n.mask().length);
                        Mlp net = s.net();
                        layerShare[0][recorded] = onShare(n.mask(), net.oW1, net.oW2);
                        layerShare[1][recorded] = onShare(n.mask(), net.oW2, net.oW3);
                        layerShare[2][recorded] = onShare(n.mask(), net.oW3, net.oCtx);
                        overlap[recorded] = n.taskOverlap();
                    }
                    lossY[recorded++] = loss;
                }
                if (!s.learner().finite()) {
                    message = "non-finite meta-loss, gradient or parameters at meta-iteration " + (it + 1);
                    break;
                }
                if ((it + 1) % 1000 == 0 || it == iterations - 1) {
                    listener.progress(it + 1, iterations, String.format(Locale.ROOT, "meta-loss %.4f", loss));
                }
            }
            curves.put(META_TRAIN_LOSS, new Curve("meta-iteration", "mean query loss of the meta-batch (MSE)",
                    Arrays.copyOf(lossX, recorded), Arrays.copyOf(lossY, recorded), List.of()));
            if (s.learner() instanceof NeuronMl) {
                double[] x = Arrays.copyOf(lossX, recorded);
                curves.put(MASK_ON_SHARE, new Curve("meta-iteration", "share of mask entries above 0.5", x,
                        Arrays.copyOf(maskShare, recorded), List.of()));
                String[] layers = {"hidden layer 1", "hidden layer 2", "output layer"};
                List<Trace.Series> series = new ArrayList<>();
                for (int l = 0; l < layers.length; l++) {
                    series.add(new Trace.Series(layers[l], Trace.Style.LINE, false, x,
                            Arrays.copyOf(layerShare[l], recorded)));
                }
                traces.put(MASK_BY_LAYER, new Trace(Trace.Kind.BAND, "meta-iteration",
                        "share of the layer's mask entries above 0.5 (weights and biases into it)", series));
                traces.put(TASK_OVERLAP, new Trace(Trace.Kind.BAND, "meta-iteration", "mean cosine similarity of "
                        + "two tasks' mask-weighted activities", List.of(new Trace.Series("overlap",
                        Trace.Style.LINE, false, x, Arrays.copyOf(overlap, recorded)))));
            }
        }
        if (message == null) {
            Evaluation e = evaluate(s, p, spec.seed(), evalTasks, k);
            int boundedSteps = 0;
            while (boundedSteps <= MAX_EVAL_STEPS && bounded(e.mseByStep()[boundedSteps])) {
                boundedSteps++;
            }
            double[] steps = new double[boundedSteps];
            for (int i = 0; i < boundedSteps; i++) {
                steps[i] = i;
            }
            curves.put(MSE_BY_STEP, new Curve("adaptation step", "mean evaluation MSE", steps,
                    Arrays.copyOf(e.mseByStep(), boundedSteps), List.of()));
            boolean dropoutFinite = Arrays.stream(e.mseByDropout()).allMatch(SinusoidRegression::bounded);
            if (boundedSteps == MAX_EVAL_STEPS + 1 && dropoutFinite) {
                for (int r : REPORTED_STEPS) {
                    metrics.put("mse_step" + r, e.mseByStep()[r]);
                }
                for (int f = 1; f < UnitDropout.FRACTIONS.length; f++) {
                    metrics.put(String.format(Locale.ROOT, "mse_step10_drop%02d",
                            Math.round(100 * UnitDropout.FRACTIONS[f])), e.mseByDropout()[f]);
                }
                metrics.put(DROP50_INCREASE, e.mseByDropout()[UnitDropout.FRACTIONS.length - 1]
                        - e.mseByStep()[MAX_EVAL_STEPS]);
                curves.put(MSE_BY_DROPOUT, new Curve("share of hidden units disabled", "mean evaluation MSE after "
                        + MAX_EVAL_STEPS + " steps", UnitDropout.FRACTIONS.clone(), e.mseByDropout(), List.of()));
                traces.putAll(e.traces());
            } else if (boundedSteps == MAX_EVAL_STEPS + 1) {
                message = "evaluation MSE non-finite or above " + (long) BLOWN_UP_MSE
                        + " with hidden units disabled (the adapted parameters blew up)";
            } else {
                // all metrics NaN, as for any diverged run; mse_by_step keeps the steps before the blow-up
                message = "evaluation MSE non-finite or above " + (long) BLOWN_UP_MSE + " after " + boundedSteps
                        + " adaptation steps (the adapted parameters blew up)";
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), message == null ? RunStatus.OK : RunStatus.DIVERGED, spec.benchmark(),
                spec.method(), spec.variant(), spec.seed(), p, metrics, curves, traces, seconds, message,
                Provenance.current());
    }

    static boolean bounded(double mse) {
        return Double.isFinite(mse) && mse <= BLOWN_UP_MSE;
    }

    /** Mean query MSE after 0..10 steps over the evaluation tasks, and the example traces. */
    record Evaluation(double[] mseByStep, double[] mseByDropout, Map<String, Trace> traces) {
    }

    static Evaluation evaluate(Setup s, ParamSet p, long seed, int evalTasks, int k) {
        GaussianStream eval = GaussianStream.forRun(seed, "eval");
        double[] grid = queryGrid();
        SinusoidTask task = new SinusoidTask(s.net(), s.oracle(), k, QUERY_POINTS);
        double[] sum = new double[MAX_EVAL_STEPS + 1];
        double[] theta = new double[s.theta().length];
        double[] grad = new double[theta.length];
        double[] pred = new double[QUERY_POINTS];
        Map<String, Trace> traces = new LinkedHashMap<>();
        UnitDropout dropout = new UnitDropout(s.net(), seed);
        double[] dropped = new double[UnitDropout.FRACTIONS.length];
        for (int t = 0; t < evalTasks; t++) {
            task.sample(eval, k, grid);
            System.arraycopy(s.theta(), 0, theta, 0, theta.length);
            double[] after1 = null;
            double[] after10 = null;
            for (int step = 0; step <= MAX_EVAL_STEPS; step++) {
                double mse;
                if (s.zero()) {
                    mse = meanSquare(task.query().y, QUERY_POINTS);
                    Arrays.fill(pred, 0.0);
                } else {
                    mse = task.query().value(theta);
                    if (t < EXAMPLE_TASKS && (step == 1 || step == MAX_EVAL_STEPS)) {
                        s.net().predict(theta, task.query().x, QUERY_POINTS, pred);
                    }
                }
                sum[step] += mse;
                if (t < EXAMPLE_TASKS && step == 1) {
                    after1 = pred.clone();
                }
                if (t < EXAMPLE_TASKS && step == MAX_EVAL_STEPS) {
                    after10 = pred.clone();
                }
                if (step < s.adaptSteps() && !s.zero()) {
                    task.support().valueAndGradient(theta, grad);
                    InnerSgd.step(theta, s.rates(), grad);
                }
            }
            if (t < EXAMPLE_TASKS) {
                traces.put("task-" + (t + 1), example(task, k, grid, after1, after10));
            }
            dropout.nextTask();
            for (int f = 1; f < UnitDropout.FRACTIONS.length; f++) {
                dropped[f] += s.zero() ? meanSquare(task.query().y, QUERY_POINTS)
                        : adaptedMse(s, task, dropout.keep(UnitDropout.FRACTIONS[f]), theta, grad);
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= evalTasks;
        }
        for (int f = 1; f < dropped.length; f++) {
            dropped[f] /= evalTasks;
        }
        dropped[0] = sum[MAX_EVAL_STEPS]; // nothing disabled: mse_step10 itself
        return new Evaluation(sum, dropped, traces);
    }

    /** The query MSE after 10 adaptation steps from theta with the parameters outside {@code keep} held at 0. */
    private static double adaptedMse(Setup s, SinusoidTask task, double[] keep, double[] theta, double[] grad) {
        double[] rates = s.rates().clone();
        for (int i = 0; i < theta.length; i++) {
            theta[i] = s.theta()[i] * keep[i];
            rates[i] *= keep[i];
        }
        for (int step = 0; step < s.adaptSteps(); step++) {
            task.support().valueAndGradient(theta, grad);
            InnerSgd.step(theta, rates, grad);
        }
        return task.query().value(theta);
    }

    private static double meanSquare(double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += y[i] * y[i];
        }
        return s / n;
    }

    private static Trace example(SinusoidTask task, int k, double[] grid, double[] after1, double[] after10) {
        double[] truth = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            truth[i] = SinusoidTask.truth(task.amplitude(), task.phase(), grid[i]);
        }
        double[] sx = new double[k];
        double[] sy = new double[k];
        for (int i = 0; i < k; i++) {
            sx[i] = task.supportX(i);
            sy[i] = task.supportY(i);
        }
        return new Trace(Trace.Kind.EXAMPLE, "x", "y", List.of(
                new Trace.Series("true", Trace.Style.LINE, true, grid, truth),
                new Trace.Series("support", Trace.Style.POINTS, true, sx, sy),
                new Trace.Series("after 1 step", Trace.Style.LINE, false, grid, after1),
                new Trace.Series("after 10 steps", Trace.Style.LINE, false, grid, after10)));
    }
}
