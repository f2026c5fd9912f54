package io.github.metasweep.model.pendulum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.method.PendulumAgent;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunSpec;
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
            assertNotEquals(Runs.transfer(a)[0], Runs.transfer(other)[0], method + ": another seed differs");
        }
    }

    @Test
    void idsAreStableAndDependOnEveryField() {
        RunSpec a = Runs.spec("nb-pro", "full", 1, Map.of());
        assertEquals(a.id(), Runs.spec("nb-pro", "full", 1, Map.of("k_lr", 0.005)).id(), "a default set explicitly is the same run");
        assertNotEquals(a.id(), Runs.spec("nb-pro", "full", 2, Map.of()).id());
        assertNotEquals(a.id(), Runs.spec("nb-pro", "no-k-target", 1, Map.of()).id());
        assertNotEquals(a.id(), Runs.spec("nb-pro", "full", 1, Map.of("k_lr", 0.006)).id());
        // the id is the readable prefix and SHA-256 of the canonical form, computed here independently
        String canonical = "benchmark=pendulum-transfer;method=nb-pro;variant=full;seed=1;params={a_pretrain=1.0,"
                + "a_transfer=1.8,block_scale=0.3,block_size=16,blocks=true,grad_clip=true,hidden=64,k_init=0.25,"
                + "k_lr=0.005,k_target_init=0.3,k_target_weight=0.1,lr=0.001,max_grad_norm=1.0,pairing=reference,"
                + "precision=float32,pretrain_episodes=50,steps=1000,target=self,transfer_episodes=100}";
        assertEquals(canonical, a.canonical());
        assertEquals("nb-pro-full-s1-" + sha256Prefix(canonical), a.id());
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", d[i] & 0xff));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every method's first episode is its initial policy run from the reset stream's first state. */
    @Test
    void everyMethodWithTheSameSeedSeesTheSameInitialStates() {
        PendulumTransfer benchmark = new PendulumTransfer();
        long seed = 9;
        for (String method : benchmark.methods()) {
            RunSpec spec = Runs.spec(method, "full", seed, Runs.shortened());
            RunResult result = benchmark.run(spec, io.github.metasweep.model.core.RunListener.SILENT);
            PendulumAgent fresh = benchmark.method(method).create(spec.params(), seed);
            ForcedPendulum env = new ForcedPendulum(1.0);
            new InitialStates(seed).resetNext(env);
            double expected = Episode.rollout(env, fresh.policyForEpisode(), 300).episodeReturn();
            assertEquals(expected, Runs.pretrain(result)[0], 0.0, method);
        }
        // and the states of later episodes: the zero policy's every return, episode by episode
        RunResult zero = Runs.run("zero", "full", seed, Runs.shortened());
        InitialStates states = new InitialStates(seed);
        double[] all = concat(Runs.pretrain(zero), Runs.transfer(zero));
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
