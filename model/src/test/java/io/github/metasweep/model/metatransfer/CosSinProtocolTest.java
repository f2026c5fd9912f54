package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cos->sin protocol end to end: the zero control's closed form, tasks, determinism, the published table. */
class CosSinProtocolTest {
    static RunResult run(String method, long seed, Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of("epochs", 2, "train_tasks", 50, "eval_tasks", 20,
                "pool_width", 16, "hyper_hidden", 16, "kernel_width", 16));
        for (int i = 0; i < extra.length; i += 2) {
            p.put((String) extra[i], extra[i + 1]);
        }
        return Benchmarks.get(CosSinTransfer.NAME).run(RunSpec.resolve(CosSinTransfer.NAME, method, "full", p, seed),
                RunListener.SILENT);
    }

    @Test
    void zeroControlMatchesTheClosedForm() {
        assertEquals(4.2517, CosSinTask.ZERO_MSE, 1e-4);
        RunResult r = run("zero", 0, "eval_tasks", 40_000);
        // per-task MSE of predicting 0 is A^2 * mean(sin^2): sd about 3.7, standard error 0.019 over 40,000 tasks
        assertEquals(CosSinTask.ZERO_MSE, r.metric("query_mse"), 0.075);
    }

    @Test
    void supportIsTheNoisyCosineAndQueryTheSineOfTheSameTask() {
        GaussianStream s = GaussianStream.forRun(1, "t");
        TransferTask clean = CosSinTask.sample(s, 200, 0.0, 5);
        for (int i = 0; i < 200; i++) {
            assertEquals(clean.truth[0] * Math.cos(clean.supportX[i] + clean.truth[1]), clean.supportY[i], 1e-12);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(clean.truth[0] * Math.sin(clean.queryX[i] + clean.truth[1]), clean.queryY[i], 1e-12);
        }
        // with noise sigma 1.5 the residuals have that sd (200 points: within 20%)
        TransferTask noisy = CosSinTask.sample(GaussianStream.forRun(1, "t"), 200, 1.5, 5);
        double ss = 0;
        for (int i = 0; i < 200; i++) {
            double r = noisy.supportY[i] - noisy.truth[0] * Math.cos(noisy.supportX[i] + noisy.truth[1]);
            ss += r * r;
        }
        assertEquals(1.5, Math.sqrt(ss / 200), 0.3);
        assertTrue(clean.truth[0] >= 0.1 && clean.truth[0] <= 5.0 && Math.abs(clean.truth[1]) <= Math.PI);
    }

    @Test
    void aRunIsAPureFunctionOfItsSpecAndTheOracleLearnsFastest() {
        RunResult a = run("linear", 3);
        RunResult b = run("linear", 3);
        assertEquals(RunStatus.OK, a.status());
        assertEquals(a.metrics(), b.metrics());
        assertArrayEquals(a.curves().get("train_loss").y(), b.curves().get("train_loss").y(), 0.0);
        assertEquals(3, a.traces().size(), "three example tasks (the paper's Figure 2)");
        RunResult oracle = run("query-oracle", 3, "epochs", 20);
        RunResult zero = run("zero", 3);
        assertTrue(oracle.metric("query_mse") < 0.5 * zero.metric("query_mse"),
                "given A and b the decoder learns the sine: " + oracle.metric("query_mse"));
    }

    @Test
    void thePublishedTableBecomesClaimsPerNoiseLevel() {
        var claims = Benchmarks.get(CosSinTransfer.NAME).claims();
        long values = claims.stream().filter(c -> c.kind() == PublishedClaim.Kind.VALUE).count();
        assertEquals(28, values, "7 encoders x 4 noise levels");
        PublishedClaim linear15 = claims.stream().filter(c -> c.kind() == PublishedClaim.Kind.VALUE
                && c.subject().method().equals("linear") && c.where().get("noise_sigma").equals(1.5)).findFirst()
                .orElseThrow();
        assertEquals(0.51, linear15.value(), 0.0);
    }
}
