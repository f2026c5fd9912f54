package io.github.metasweep.model.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.metasweep.model.env.Episode;
import io.github.metasweep.model.env.ForcedPendulum;
import io.github.metasweep.model.env.InitialStates;
import io.github.metasweep.model.method.PendulumAgent;
import io.github.metasweep.model.run.RunResult;
import io.github.metasweep.model.run.RunResultJson;
import io.github.metasweep.model.run.RunSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static String withoutSeconds(RunResult r) {
        return RunResultJson.write(r).replaceAll("\"seconds\":[^,]*,", "");
    }

    @Test
    void theSameSpecTwiceGivesBitIdenticalResults() {
        for (String method : new String[] {"nb-pro", "maml"}) {
            RunResult a = Runs.run(method, "full", 7, Runs.shortened());
            RunResult b = Runs.run(method, "full", 7, Runs.shortened());
            assertEquals(withoutSeconds(a), withoutSeconds(b), method);
            RunResult other = Runs.run(method, "full", 8, Runs.shortened());
            assertNotEquals(a.transferReturns()[0], other.transferReturns()[0], method + ": another seed differs");
        }
    }

    @Test
    void idsAreStableAndDependOnEveryField() {
        RunSpec a = Runs.spec("nb-pro", "full", 1, Map.of());
        assertEquals(a.id(), Runs.spec("nb-pro", "full", 1, Map.of("k_lr", 0.005)).id(), "a default set explicitly is the same run");
        assertNotEquals(a.id(), Runs.spec("nb-pro", "full", 2, Map.of()).id());
        assertNotEquals(a.id(), Runs.spec("nb-pro", "no-k-target", 1, Map.of()).id());
        assertNotEquals(a.id(), Runs.spec("nb-pro", "full", 1, Map.of("k_lr", 0.006)).id());
        assertEquals(a.id(), a.id());
        assertEquals("nb-pro-full-s1-", a.id().substring(0, 15));
    }

    /** Every method's first episode is its initial policy run from the reset stream's first state. */
    @Test
    void everyMethodWithTheSameSeedSeesTheSameInitialStates() {
        PendulumTransfer benchmark = new PendulumTransfer();
        long seed = 9;
        for (String method : benchmark.methods()) {
            RunSpec spec = Runs.spec(method, "full", seed, Runs.shortened());
            RunResult result = benchmark.run(spec, io.github.metasweep.model.run.RunListener.SILENT);
            PendulumAgent fresh = benchmark.method(method).create(spec.params(), seed);
            ForcedPendulum env = new ForcedPendulum(1.0);
            new InitialStates(seed).resetNext(env);
            double expected = Episode.rollout(env, fresh.policyForEpisode(), 300).episodeReturn();
            assertEquals(expected, result.pretrainReturns()[0], 0.0, method);
        }
        // and the states of later episodes: the zero policy's every return, episode by episode
        RunResult zero = Runs.run("zero", "full", seed, Runs.shortened());
        InitialStates states = new InitialStates(seed);
        double[] all = concat(zero.pretrainReturns(), zero.transferReturns());
        for (int i = 0; i < all.length; i++) {
            ForcedPendulum env = new ForcedPendulum(i < 3 ? 1.0 : 1.8);
            states.resetNext(env);
            assertEquals(Episode.rollout(env, (th, thd) -> 0f, 300).episodeReturn(), all[i], 0.0, "episode " + i);
        }
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
