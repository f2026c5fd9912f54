package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.SingleVariantBenchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the family's benchmarks share: one variant per method, and a run that draws {@code train_tasks} training
 * tasks once (stream {@code train}), trains the method's model end to end ({@link EndToEndTraining}), then lets the
 * benchmark score it on fresh tasks. A control without a model, or with no parameters, skips training.
 */
abstract class TransferBenchmark extends SingleVariantBenchmark {
    static final String TRAIN_LOSS = "train_loss";

    /** The benchmark's one metric, measured on fresh tasks. */
    private String metricName() {
        return metrics().get(0).name();
    }

    /** What the mean training loss measures, for the {@code train_loss} curve. */
    abstract String trainingLossLabel();

    /** The model of a method; null for a control that learns nothing. */
    abstract TaskModel model(String method, ParamSet p);

    /** The next training task from the {@code train} stream. */
    abstract TransferTask trainingTask(GaussianStream train, ParamSet p);

    /** The metric on fresh tasks (NaN when a prediction is not finite); may add traces. */
    abstract double evaluate(String method, TaskModel model, double[] params, ParamSet p, long seed,
                             Map<String, Trace> traces);

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        TaskModel model = model(spec.method(), p);
        double[] params = model == null ? null : model.init(GaussianStream.forRun(spec.seed(), "init"));
        String message = null;
        Map<String, Curve> curves = new LinkedHashMap<>();
        Map<String, Trace> traces = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(metricName(), Double.NaN);
        if (model != null && model.size() > 0) {
            GaussianStream train = GaussianStream.forRun(spec.seed(), "train");
            TransferTask[] tasks = new TransferTask[p.getInt(TransferModels.TRAIN_TASKS)];
            for (int t = 0; t < tasks.length; t++) {
                tasks[t] = trainingTask(train, p);
            }
            EndToEndTraining.Outcome o = EndToEndTraining.train(model, params, tasks, p.getInt(TransferModels.EPOCHS),
                    p.getInt(TransferModels.META_BATCH), p.getDouble(TransferModels.LR), spec.seed(), listener);
            message = o.divergence();
            if (message == null) {
                curves.put(TRAIN_LOSS, Curve.indexed("epoch", trainingLossLabel(), o.epochLoss()));
            }
        }
        if (message == null) {
            double value = evaluate(spec.method(), model, params, p, spec.seed(), traces);
            if (Double.isFinite(value)) {
                metrics.put(metricName(), value);
            } else {
                message = "non-finite predictions in evaluation";
                traces.clear();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), message == null ? RunStatus.OK : RunStatus.DIVERGED, spec.benchmark(),
                spec.method(), spec.variant(), spec.seed(), p, metrics, curves, traces, seconds, message,
                Provenance.current());
    }

    /** Mean squared error of predictions against targets. */
    static double mse(double[] pred, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = pred[i] - y[i];
            s += r * r;
        }
        return s / y.length;
    }
}
