package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every method's gradient of the query loss against central finite differences of that loss, over every parameter:
 * for the gradient encoders this includes the second-order terms (the learner's weights reach the loss only through
 * the support-loss gradient z), so a first-order implementation fails it.
 */
class CosSinGradientTest {
    static ParamSet small(String method) {
        Map<String, Object> p = Map.of("learner_hidden", 5, "decoder_hidden", 4, "pool_width", 6, "hyper_hidden", 5,
                "kernel_width", 6, "support_points", 4, "query_points", 3, "kernel_temperature", 2.0);
        return RunSpec.resolve(CosSinTransfer.NAME, method, "full", p, 0).params();
    }

    @ParameterizedTest
    @ValueSource(strings = {"context", "non-linear", "linear", "mean", "max", "transformer", "deep-kernel",
            "query-oracle"})
    void gradientMatchesFiniteDifferences(String method) {
        ParamSet p = small(method);
        TaskModel model = CosSinTransfer.model(method, p);
        double[] params = model.init(GaussianStream.forRun(5, "init"));
        CosSinTask task = CosSinTask.sample(GaussianStream.forRun(5, "task"), 4, 0.5, 3);
        double[] grad = new double[params.length];
        double loss = model.lossAndGradient(params, task, grad);
        double[] pred = new double[3];
        model.predict(params, task, pred);
        assertEquals(TaskModel.mse(pred, task.queryY), loss, 1e-12, "the loss is the MSE of the predictions");
        double h = 1e-6;
        double encoderNorm = 0;
        int encoderSize = encoderSize(method, p);
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

    /** The learner's parameters come first in a gradient encoder's slice; their count. */
    private static int encoderSize(String method, ParamSet p) {
        int h = p.getInt("learner_hidden");
        int mlp = h + h + h * h + h + h + 1;
        return switch (method) {
            case "context" -> mlp + 2 * h; // the context inputs' weights into layer 1
            case "linear" -> mlp;
            case "non-linear" -> 2 + (2 * 5 + 5) + (5 * 5 + 5) + (5 * mlp + mlp);
            default -> 0;
        };
    }
}
