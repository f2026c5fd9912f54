package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method's gradient of the query loss against central finite differences of that loss, over every parameter:
 * for the gradient encoders this includes the second-order terms (the learner's weights reach the loss only through
 * the support-loss gradient z), so a first-order implementation fails it.
 */
class TransferGradientTest {
    static ParamSet small(String benchmark, String method) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("learner_hidden", 5, "decoder_hidden", 4, "pool_width", 6,
                "hyper_hidden", 5, "kernel_width", 6, "kernel_temperature", 2.0));
        switch (benchmark) {
            case CosSinTransfer.NAME -> p.putAll(Map.of("support_points", 4, "query_points", 3));
            case MazeTransfer.NAME -> p.put("maze_width", 6);
            case DoublePendulumTransfer.NAME -> p.putAll(Map.of("support_transitions", 2, "query_transitions", 1,
                    "noise_sigma", 0.4, "learner_hidden", 8)); // 5 units all die on these 10 features
            default -> p.putAll(Map.of("support_transitions", 2, "learner_hidden", 8));
        }
        return RunSpec.resolve(benchmark, method, "full", p, 0).params();
    }

    /** A model and a task of its benchmark: cos-sin (regression, 1 input) or the maze (actions, 2 inputs). */
    private record Case(TaskModel model, TransferTask task, int learnerInputs, int learnerHidden) {
        static Case of(String benchmark, String method) {
            ParamSet p = small(benchmark, method);
            TaskModel model = switch (benchmark) {
                case CosSinTransfer.NAME -> new CosSinTransfer().model(method, p);
                case MazeTransfer.NAME -> new MazeTransfer().model(method, p);
                case DoublePendulumTransfer.NAME -> new DoublePendulumTransfer().model(method, p);
                default -> new PendulumParameters().model(method, p);
            };
            int inputs = switch (benchmark) {
                case CosSinTransfer.NAME -> 1;
                case MazeTransfer.NAME -> 2;
                default -> CartPoleTasks.pointFeatures(1);
            };
            return new Case(model, task(benchmark, GaussianStream.forRun(5, "task")), inputs,
                    p.getInt("learner_hidden"));
        }

        static TransferTask task(String benchmark, GaussianStream random) {
            return switch (benchmark) {
                case CosSinTransfer.NAME -> CosSinTask.sample(random, 4, 0.5, 3);
                case MazeTransfer.NAME -> MazeTask.generate(random, 6).task();
                case DoublePendulumTransfer.NAME -> CartPoleTasks.sample(random, 2, 1, 0.4, false, false);
                default -> CartPoleTasks.sample(random, 2, 0, 0.4, true, false);
            };
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        List<String> methods = List.of("context", "non-linear", "linear", "mean", "max", "transformer", "deep-kernel",
                "query-oracle");
        java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> encoders = java.util.stream.Stream.of(
                CosSinTransfer.NAME, MazeTransfer.NAME, DoublePendulumTransfer.NAME, PendulumParameters.NAME)
                .flatMap(b -> methods.stream()
                        .filter(m -> !(b.equals(PendulumParameters.NAME) && m.equals("query-oracle")))
                        .map(m -> org.junit.jupiter.params.provider.Arguments.of(b, m)));
        return java.util.stream.Stream.concat(encoders, java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(DoublePendulumTransfer.NAME, TransferModels.TASK_BLIND)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(String benchmark, String method) {
        Case c = Case.of(benchmark, method);
        TaskModel model = c.model();
        TransferTask task = c.task();
        double[] params = model.init(GaussianStream.forRun(5, "init"));
        double[] grad = new double[params.length];
        double loss = model.lossAndGradient(params, task, grad);
        double[] out = new double[task.queryCount() * model.outputs()];
        model.predict(params, task, out);
        assertEquals(meanLoss(out, task, model.outputs()), loss, 1e-12, "the loss is the mean loss of the outputs");
        double h = 1e-6;
        double encoderNorm = 0;
        int encoderSize = encoderSize(method, c.learnerInputs(), c.learnerHidden());
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = keep + h;
            double up = model.lossAndGradient(params, task, new double[params.length]);
            params[i] = keep - h;
            double down = model.lossAndGradient(params, task, new double[params.length]);
            params[i] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad[i], 1e-5 * Math.max(1.0, Math.abs(fd)), method + " parameter " + i + " of "
                    + params.length);
            if (i < encoderSize) {
                encoderNorm += fd * fd;
            }
        }
        if (List.of("context", "non-linear", "linear").contains(method)) {
            assertTrue(Math.sqrt(encoderNorm) > 1e-4, "the learner's weights move the loss (second order): "
                    + Math.sqrt(encoderNorm));
        }
    }

    /**
     * A training step's batch loads the parameters once and gathers every task's gradient before it flushes: its
     * loss and gradient are the sums of the tasks' own (each computed alone), up to rounding.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void batchIsTheSumOfItsTasks(String benchmark, String method) {
        Case c = Case.of(benchmark, method);
        TaskModel model = c.model();
        GaussianStream random = GaussianStream.forRun(6, "task");
        List<TransferTask> batch = List.of(Case.task(benchmark, random), Case.task(benchmark, random),
                Case.task(benchmark, random));
        double[] params = model.init(GaussianStream.forRun(5, "init"));
        double[] sum = new double[params.length];
        double lossSum = 0;
        for (TransferTask task : batch) {
            double[] own = new double[params.length];
            lossSum += model.lossAndGradient(params, task, own);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += own[i];
            }
        }
        double[] grad = new double[params.length];
        assertEquals(lossSum, model.lossAndGradient(params, batch, grad), 1e-12 * Math.max(1, Math.abs(lossSum)));
        double scale = 0;
        for (double g : sum) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 0, "the batch has a gradient");
        for (int i = 0; i < sum.length; i++) {
            assertEquals(sum[i], grad[i], 1e-12 * scale, method + " parameter " + i);
        }
    }

    /** The learner's parameters come first in a gradient encoder's slice; their count (code size 2). */
    private static int encoderSize(String method, int inputs, int h) {
        int mlp = inputs * h + h + h * h + h + h + 1;
        return switch (method) {
            case "context" -> mlp + 2 * h; // the context inputs' weights into layer 1
            case "linear" -> mlp;
            case "non-linear" -> 2 + (2 * 5 + 5) + (5 * 5 + 5) + (5 * mlp + mlp);
            default -> 0;
        };
    }

    /** The mean query loss of outputs, computed independently: squared error, or cross-entropy of the logits. */
    private static double meanLoss(double[] out, TransferTask task, int outputs) {
        double sum = 0;
        for (int q = 0; q < task.queryCount(); q++) {
            if (outputs == 1) {
                sum += Math.pow(out[q] - task.queryY[q], 2);
            } else {
                double z = 0;
                for (int a = 0; a < outputs; a++) {
                    z += Math.exp(out[q * outputs + a]);
                }
                sum += Math.log(z) - out[q * outputs + (int) task.queryY[q]];
            }
        }
        return sum / task.queryCount();
    }
}
