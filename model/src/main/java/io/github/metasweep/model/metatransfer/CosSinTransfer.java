package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Side;
import io.github.metasweep.model.core.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Meta-transfer from cosine to sine (the paper's Table 1; docs/protocols/meta-transfer.md): each method maps a
 * task's noisy support set, points of {@code A cos(x + b)}, to predictions of {@code A sin(x + b)}; trained end to
 * end on the query MSE over a fixed set of training tasks for a number of epochs, then measured on fresh tasks.
 */
public final class CosSinTransfer extends TransferBenchmark {
    public static final String NAME = "cos-sin";
    static final String NOISE_SIGMA = "noise_sigma";
    static final String CODE_SIZE = TransferModels.CODE_SIZE;
    static final String SUPPORT_POINTS = "support_points";
    static final String QUERY_POINTS = "query_points";

    static final int EVAL_GRID = 100;
    static final int EXAMPLE_TASKS = 3;

    static final List<String> METHODS = Stream.concat(TransferModels.ENCODERS.stream(),
            Stream.of("zero", "query-oracle", "bayes-optimal")).toList();

    static final List<MetricDef> METRICS = List.of(MetricDef.lower("query_mse", "MSE", "mean over the evaluation "
            + "tasks of the MSE of the predicted A sin(x + b) on 100 evenly spaced x in [-5, 5], from the task's noisy "
            + "cosine support points", true));

    static final List<ParamDef> PROTOCOL = Stream.concat(Stream.of(
            ParamDef.number(NOISE_SIGMA, 0.0, 0.0, false, 100.0, "sigma of the Gaussian noise on the support targets "
                    + "(training and evaluation)"),
            ParamDef.integer(CODE_SIZE, 2, 1, 1000, "k: size of the task code (2 = the true task dimension: A, b)"),
            ParamDef.integer(SUPPORT_POINTS, 10, 1, 1000, "support points per task"),
            ParamDef.integer(QUERY_POINTS, 10, 1, 1000, "query points per training task")),
            TransferModels.shared(1000, 100, 600).stream()).toList();

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
        // "gradient encoders stay nearly flat as the noise grows while pooling degrades", pair by pair
        for (String gradient : List.of("context", "non-linear", "linear")) {
            for (String pooled : List.of("mean", "max", "transformer")) {
                claims.add(PublishedClaim.steadier(table, source, new Side(gradient, "full", "query_mse"),
                        new Side(pooled, "full", "query_mse"), Map.of(NOISE_SIGMA, 0.0), Map.of(NOISE_SIGMA, 1.5),
                        "from sigma 0 to 1.5 the " + gradient + " gradient encoder's query MSE rises less than "
                                + pooled + " pooling's"));
            }
        }
        return claims;
    }

    @Override
    String trainingLossLabel() {
        return "mean training query MSE";
    }

    @Override
    protected List<ParamDef> protocol() {
        return PROTOCOL;
    }

    @Override
    TransferTask trainingTask(GaussianStream train, ParamSet p) {
        return CosSinTask.sample(train, p.getInt(SUPPORT_POINTS), p.getDouble(NOISE_SIGMA), p.getInt(QUERY_POINTS));
    }

    /** The model a method trains. */
    @Override
    TaskModel model(String method, ParamSet p) {
        if (method.equals("zero")) {
            return new ZeroPrediction();
        }
        if (method.equals("bayes-optimal")) {
            return new CosSinPosteriorMean(p.getDouble(NOISE_SIGMA));
        }
        int points = Math.max(Math.max(p.getInt(SUPPORT_POINTS), p.getInt(QUERY_POINTS)), EVAL_GRID);
        return TransferModels.model(method, p, 1, p.getInt(CODE_SIZE), QueryHead.REGRESSION, 2, points);
    }

    /** Mean query MSE over fresh tasks on the evaluation grid (the same tasks for every method of a seed). */
    @Override
    double evaluate(String method, TaskModel model, double[] params, ParamSet p, long seed, Map<String, Trace> traces) {
        GaussianStream eval = GaussianStream.forRun(seed, "eval");
        double[] grid = CosSinTask.grid(EVAL_GRID);
        double[] pred = new double[EVAL_GRID];
        int n = p.getInt(TransferModels.EVAL_TASKS);
        double sum = 0;
        for (int t = 0; t < n; t++) {
            TransferTask task = CosSinTask.sampleOnGrid(eval, p.getInt(SUPPORT_POINTS), p.getDouble(NOISE_SIGMA), grid);
            model.predict(params, task, pred);
            sum += mse(pred, task.queryY);
            if (t < EXAMPLE_TASKS) {
                traces.put("task-" + (t + 1), example(task, pred));
            }
        }
        return sum / n;
    }

    private static Trace example(TransferTask task, double[] pred) {
        return new Trace(Trace.Kind.EXAMPLE, "x", "y", List.of(
                new Trace.Series("true A sin(x + b)", Trace.Style.LINE, true, task.queryX, task.queryY.clone()),
                new Trace.Series("support (noisy A cos(x + b))", Trace.Style.POINTS, true, task.supportX.clone(),
                        task.supportY.clone()),
                new Trace.Series("prediction", Trace.Style.LINE, false, task.queryX, pred.clone())));
    }
}
