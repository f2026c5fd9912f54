package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.InvalidSpecException;
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
import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.core.meta.InnerSgd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Meta-transfer from cosine to sine (the paper's Table 1; docs/protocols/meta-transfer.md): each method maps a
 * task's noisy support set, points of {@code A cos(x + b)}, to predictions of {@code A sin(x + b)}; trained end to
 * end on the query MSE over a fixed set of training tasks for a number of epochs, then measured on fresh tasks.
 */
public final class CosSinTransfer implements Benchmark {
    public static final String NAME = "cos-sin";
    static final String NOISE_SIGMA = "noise_sigma";
    static final String CODE_SIZE = "code_size";
    static final String SUPPORT_POINTS = "support_points";
    static final String QUERY_POINTS = "query_points";
    static final String TRAIN_TASKS = "train_tasks";
    static final String EPOCHS = "epochs";
    static final String META_BATCH = "meta_batch";
    static final String LR = "lr";
    static final String EVAL_TASKS = "eval_tasks";
    static final String LEARNER_HIDDEN = "learner_hidden";
    static final String DECODER_HIDDEN = "decoder_hidden";
    static final String POOL_WIDTH = "pool_width";
    static final String HYPER_HIDDEN = "hyper_hidden";
    static final String KERNEL_WIDTH = "kernel_width";
    static final String KERNEL_TEMPERATURE = "kernel_temperature";

    static final int EVAL_GRID = 100;
    static final int EXAMPLE_TASKS = 3;
    static final String TRAIN_LOSS = "train_loss";

    static final List<String> ENCODERS = List.of("context", "non-linear", "linear", "mean", "max", "transformer",
            "deep-kernel");
    static final List<String> METHODS;

    static {
        List<String> all = new ArrayList<>(ENCODERS);
        all.addAll(List.of("zero", "query-oracle"));
        METHODS = List.copyOf(all);
    }

    static final List<MetricDef> METRICS = List.of(MetricDef.lower("query_mse", "MSE", "mean over the evaluation "
            + "tasks of the MSE of the predicted A sin(x + b) on 100 evenly spaced x in [-5, 5], from the task's noisy "
            + "cosine support points", true));

    static final List<ParamDef> PROTOCOL = List.of(
            ParamDef.number(NOISE_SIGMA, 0.0, 0.0, false, 100.0, "sigma of the Gaussian noise on the support targets "
                    + "(training and evaluation)"),
            ParamDef.integer(CODE_SIZE, 2, 1, 1000, "k: size of the task code (2 = the true task dimension: A, b)"),
            ParamDef.integer(SUPPORT_POINTS, 10, 1, 1000, "support points per task"),
            ParamDef.integer(QUERY_POINTS, 10, 1, 1000, "query points per training task"),
            ParamDef.integer(TRAIN_TASKS, 1000, 1, 10_000_000, "training tasks, drawn once per run"),
            ParamDef.integer(EPOCHS, 100, 1, 100_000, "passes over the training tasks"),
            ParamDef.integer(META_BATCH, 25, 1, 100_000, "tasks per Adam step"),
            ParamDef.number(LR, 5e-4, 0.0, true, 1.0, "Adam learning rate"),
            ParamDef.integer(EVAL_TASKS, 600, 1, 1_000_000, "fresh evaluation tasks per run"),
            ParamDef.integer(LEARNER_HIDDEN, 40, 1, 1000, "units per hidden layer of the gradient encoders' learner "
                    + "f_theta and of the query network g_psi"),
            ParamDef.integer(DECODER_HIDDEN, 64, 1, 10_000, "hidden units of the decoder z -> psi"),
            ParamDef.integer(POOL_WIDTH, 128, 1, 10_000, "units per hidden layer of the pooling encoders' h"),
            ParamDef.integer(HYPER_HIDDEN, 128, 1, 10_000, "units per hidden layer of the non-linear encoder's "
                    + "hypernetwork"),
            ParamDef.integer(KERNEL_WIDTH, 128, 1, 10_000, "embedding width of the deep kernel"),
            ParamDef.number(KERNEL_TEMPERATURE, 1.0, 0.0, true, 1e6, "T of the deep kernel exp(-d^2 / (2 T))"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "meta-transfer: from a task's noisy A cos(x + b) support points, predict A sin(x + b)";
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
        return PROTOCOL;
    }

    @Override
    public List<String> variants(String method) {
        check(method);
        return List.of("full");
    }

    @Override
    public Map<String, Object> variantOverrides(String method, String variant) {
        if (!variants(method).contains(variant)) {
            throw new InvalidSpecException("variant", "variant: unknown variant '" + variant + "' of method "
                    + method + "; accepted: full");
        }
        return Map.of();
    }

    @Override
    public List<MetricDef> metrics() {
        return METRICS;
    }

    @Override
    public List<PublishedClaim> claims() {
        String table = "meta-transfer paper, Table 1";
        String source = "paper (mean of 3 seeds)";
        List<PublishedClaim> claims = new ArrayList<>();
        for (PublishedTables.Row r : PublishedTables.of(NAME)) {
            claims.add(PublishedClaim.value(table, source, new Side(r.method(), "full", r.metric()),
                    PublishedClaim.Statistic.MEAN, r.mean(), Map.of(r.axis(), r.axisValue()),
                    String.format(Locale.ROOT, "%s: query MSE %.2f (sd %.2f) at noise sigma %s", r.method(), r.mean(),
                            r.sd(), r.axisValue())));
        }
        for (String pooled : List.of("max", "transformer")) {
            claims.add(PublishedClaim.better(table, source, new Side("linear", "full", "query_mse"),
                    new Side(pooled, "full", "query_mse"), Map.of(NOISE_SIGMA, 1.5),
                    "with noisy support (sigma 1.5) the linear gradient encoder beats " + pooled + " pooling"));
        }
        return claims;
    }

    /** The model a method trains. */
    static TaskModel model(String method, ParamSet p) {
        int k = p.getInt(CODE_SIZE);
        int learner = p.getInt(LEARNER_HIDDEN);
        int points = Math.max(Math.max(p.getInt(SUPPORT_POINTS), p.getInt(QUERY_POINTS)), EVAL_GRID);
        int decoder = p.getInt(DECODER_HIDDEN);
        return switch (method) {
            case "context" -> new EncoderDecoder(new ContextEncoder(learner, k, points), decoder, learner, points);
            case "linear" -> new EncoderDecoder(new LinearEncoder(learner, k, points), decoder, learner, points);
            case "non-linear" -> new EncoderDecoder(new HyperEncoder(learner, p.getInt(HYPER_HIDDEN), k, points),
                    decoder, learner, points);
            case "mean", "max", "transformer" -> new EncoderDecoder(new PoolingEncoder(
                    PoolingEncoder.Pooling.valueOf(method.toUpperCase(Locale.ROOT)), p.getInt(POOL_WIDTH), k),
                    decoder, learner, points);
            case "deep-kernel" -> new DeepKernel(p.getInt(KERNEL_WIDTH), p.getDouble(KERNEL_TEMPERATURE));
            case "query-oracle" -> new EncoderDecoder(new OracleCode(), decoder, learner, points);
            case "zero" -> new ZeroPrediction();
            default -> throw new InvalidSpecException("method", "method: unknown method '" + method + "'");
        };
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        double sigma = p.getDouble(NOISE_SIGMA);
        int k = p.getInt(SUPPORT_POINTS);
        int batch = p.getInt(META_BATCH);
        int epochs = p.getInt(EPOCHS);
        TaskModel model = model(spec.method(), p);
        double[] params = model.init(GaussianStream.forRun(spec.seed(), "init"));
        String message = null;
        Map<String, Curve> curves = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("query_mse", Double.NaN);
        if (model.size() > 0) {
            GaussianStream train = GaussianStream.forRun(spec.seed(), "train");
            CosSinTask[] tasks = new CosSinTask[p.getInt(TRAIN_TASKS)];
            for (int t = 0; t < tasks.length; t++) {
                tasks[t] = CosSinTask.sample(train, k, sigma, p.getInt(QUERY_POINTS));
            }
            GaussianStream order = GaussianStream.forRun(spec.seed(), "order");
            Adam adam = new Adam(InnerSgd.uniform(params.length, p.getDouble(LR)));
            double[] grad = new double[params.length];
            int[] perm = new int[tasks.length];
            double[] epochLoss = new double[epochs];
            for (int epoch = 0; epoch < epochs && message == null; epoch++) {
                shuffle(order, perm);
                double sum = 0;
                for (int from = 0; from < tasks.length; from += batch) {
                    int to = Math.min(tasks.length, from + batch);
                    java.util.Arrays.fill(grad, 0.0);
                    double loss = 0;
                    for (int t = from; t < to; t++) {
                        loss += model.lossAndGradient(params, tasks[perm[t]], grad);
                    }
                    double inv = 1.0 / (to - from);
                    for (int i = 0; i < grad.length; i++) {
                        grad[i] *= inv;
                    }
                    if (!Double.isFinite(loss) || !InnerSgd.finite(grad)) {
                        message = "non-finite query loss or gradient in epoch " + (epoch + 1);
                        break;
                    }
                    adam.step(params, grad);
                    sum += loss;
                }
                epochLoss[epoch] = sum / tasks.length;
                listener.progress(epoch + 1, epochs, String.format(Locale.ROOT, "train query MSE %.4f",
                        epochLoss[epoch]));
            }
            if (message == null) {
                curves.put(TRAIN_LOSS, Curve.indexed("epoch", "mean training query MSE", epochLoss));
            }
        }
        Map<String, Trace> traces = new LinkedHashMap<>();
        if (message == null) {
            double mse = evaluate(model, params, p, spec.seed(), traces);
            if (Double.isFinite(mse)) {
                metrics.put("query_mse", mse);
            } else {
                message = "non-finite evaluation MSE";
                traces.clear();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), message == null ? RunStatus.OK : RunStatus.DIVERGED, spec.benchmark(),
                spec.method(), spec.variant(), spec.seed(), p, metrics, curves, traces, seconds, message,
                Provenance.current());
    }

    private static void shuffle(GaussianStream random, int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = (int) random.uniform(0, i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }

    /** Mean query MSE over fresh tasks on the evaluation grid (the same tasks for every method of a seed). */
    static double evaluate(TaskModel model, double[] params, ParamSet p, long seed, Map<String, Trace> traces) {
        GaussianStream eval = GaussianStream.forRun(seed, "eval");
        double[] grid = CosSinTask.grid(EVAL_GRID);
        double[] pred = new double[EVAL_GRID];
        int n = p.getInt(EVAL_TASKS);
        double sum = 0;
        for (int t = 0; t < n; t++) {
            CosSinTask task = CosSinTask.sampleOnGrid(eval, p.getInt(SUPPORT_POINTS), p.getDouble(NOISE_SIGMA), grid);
            model.predict(params, task, pred);
            sum += TaskModel.mse(pred, task.queryY);
            if (t < EXAMPLE_TASKS) {
                traces.put("task-" + (t + 1), example(task, pred));
            }
        }
        return sum / n;
    }

    private static Trace example(CosSinTask task, double[] pred) {
        return new Trace(Trace.Kind.EXAMPLE, "x", "y", List.of(
                new Trace.Series("true A sin(x + b)", Trace.Style.LINE, true, task.queryX, task.queryY.clone()),
                new Trace.Series("support (noisy A cos(x + b))", Trace.Style.POINTS, true, task.supportX.clone(),
                        task.supportY.clone()),
                new Trace.Series("prediction", Trace.Style.LINE, false, task.queryX, pred.clone())));
    }
}
