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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dynamics experiments of the paper on this project's own physics ({@link CartPoleTasks}): from noisy
 * transitions of a single cart-pole, predict the double cart-pole's dynamics ({@link DoublePendulumTransfer},
 * Table 4) or regress the shared physical parameters ({@link PendulumParameters}, Figure 3).
 */
abstract class CartPoleTransfer implements Benchmark {
    static final String NOISE_SIGMA = "noise_sigma";
    static final String SUPPORT_TRANSITIONS = "support_transitions";
    static final String QUERY_TRANSITIONS = "query_transitions";
    static final String EVAL_TRANSITIONS = "eval_transitions";

    private final boolean parameters;
    private final String metric;
    private final String control;

    CartPoleTransfer(boolean parameters) {
        this.parameters = parameters;
        this.metric = parameters ? "parameter_mse" : "query_mse";
        this.control = parameters ? "prior-mean" : "predict-current-state";
    }

    @Override
    public List<String> methods() {
        return Stream.concat(TransferModels.ENCODERS.stream(), parameters ? Stream.of(control)
                : Stream.of(control, "query-oracle")).toList();
    }

    private void check(String method) {
        if (!methods().contains(method)) {
            throw new InvalidSpecException("method", "method: unknown method '" + method + "'; accepted: "
                    + String.join(", ", methods()));
        }
    }

    @Override
    public List<ParamDef> params(String method) {
        check(method);
        List<ParamDef> own = new ArrayList<>(List.of(
                ParamDef.number(NOISE_SIGMA, 0.0, 0.0, false, 100.0, "sigma of the Gaussian noise on the support "
                        + "targets (training and evaluation)"),
                ParamDef.integer(TransferModels.CODE_SIZE, 2, 1, 1000, "k: size of the task code (2 = the true task "
                        + "dimension: length and gravity)"),
                ParamDef.integer(SUPPORT_TRANSITIONS, 30, 1, 10_000, "transitions of the single pole in the support "
                        + "set (the paper's T = 30)")));
        if (!parameters) {
            own.add(ParamDef.integer(QUERY_TRANSITIONS, 30, 1, 10_000, "double-pole transitions per training task"));
            own.add(ParamDef.integer(EVAL_TRANSITIONS, 100, 1, 100_000, "double-pole transitions per evaluation "
                    + "task"));
        }
        own.addAll(TransferModels.shared(500, 200));
        return own;
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

    /** The paper's ranking claims at the largest noise it reports (3.0), and the deep kernel's place at 0. */
    List<PublishedClaim> rankingClaims(String table) {
        String source = "paper (ranking; its values come from MuJoCo physics and are not comparable)";
        List<PublishedClaim> claims = new ArrayList<>();
        for (String pooled : List.of("max", "transformer")) {
            claims.add(PublishedClaim.better(table, source, new Side("linear", "full", metric),
                    new Side(pooled, "full", metric), Map.of(NOISE_SIGMA, 3.0),
                    "with noisy support (sigma 3) the linear gradient encoder beats " + pooled + " pooling"));
        }
        claims.add(PublishedClaim.better(table, source, new Side("linear", "full", metric),
                new Side("deep-kernel", "full", metric), Map.of(NOISE_SIGMA, 0.0),
                "the deep kernel is worst: the linear encoder beats it without noise"));
        return claims;
    }

    /** The model of a method; null for the control, which learns nothing. */
    TaskModel model(String method, ParamSet p) {
        if (method.equals(control)) {
            return null;
        }
        int points = 6 * Math.max(p.getInt(SUPPORT_TRANSITIONS), parameters ? 1
                : Math.max(p.getInt(QUERY_TRANSITIONS), p.getInt(EVAL_TRANSITIONS)));
        return TransferModels.model(method, p, CartPoleTasks.pointFeatures(1), parameters ? 2
                : CartPoleTasks.pointFeatures(2), p.getInt(TransferModels.CODE_SIZE), QueryHead.REGRESSION, 2, points);
    }

    private TransferTask task(GaussianStream random, ParamSet p, boolean evaluation) {
        return CartPoleTasks.sample(random, p.getInt(SUPPORT_TRANSITIONS), parameters ? 0
                : p.getInt(evaluation ? EVAL_TRANSITIONS : QUERY_TRANSITIONS), p.getDouble(NOISE_SIGMA), parameters);
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        TaskModel model = model(spec.method(), p);
        double[] params = model == null ? null : model.init(GaussianStream.forRun(spec.seed(), "init"));
        String message = null;
        Map<String, Curve> curves = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(metric, Double.NaN);
        if (model != null && model.size() > 0) {
            GaussianStream train = GaussianStream.forRun(spec.seed(), "train");
            TransferTask[] tasks = new TransferTask[p.getInt(TransferModels.TRAIN_TASKS)];
            for (int t = 0; t < tasks.length; t++) {
                tasks[t] = task(train, p, false);
            }
            EndToEndTraining.Outcome o = EndToEndTraining.train(model, params, tasks, p.getInt(TransferModels.EPOCHS),
                    p.getInt(TransferModels.META_BATCH), p.getDouble(TransferModels.LR), spec.seed(), listener);
            message = o.divergence();
            if (message == null) {
                curves.put("train_loss", Curve.indexed("epoch", "mean training query MSE", o.epochLoss()));
            }
        }
        if (message == null) {
            GaussianStream eval = GaussianStream.forRun(spec.seed(), "eval");
            int n = p.getInt(TransferModels.EVAL_TASKS);
            double sum = 0;
            for (int t = 0; t < n; t++) {
                TransferTask task = task(eval, p, true);
                double[] pred = new double[task.queryCount()];
                if (model != null) {
                    model.predict(params, task, pred);
                }
                sum += CosSinTransfer.mse(pred, task.queryY); // the control predicts 0: no change, the prior mean
            }
            if (Double.isFinite(sum)) {
                metrics.put(metric, sum / n);
            } else {
                message = "non-finite evaluation MSE";
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), message == null ? RunStatus.OK : RunStatus.DIVERGED, spec.benchmark(),
                spec.method(), spec.variant(), spec.seed(), p, metrics, curves, Map.of(), seconds, message,
                Provenance.current());
    }
}
