package io.github.metasweep.model.pendulum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.pendulum.method.PendulumAgent;
import io.github.metasweep.model.pendulum.method.PendulumMethod;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void anAbsurdLearningRateEndsTheRunAsDivergedWithTheEpisodesSoFar() {
        RunResult r = Runs.run("finetune", "full", 0, Runs.shortened("lr", 1e30, "grad_clip", false));
        assertEquals(RunStatus.DIVERGED, r.status());
        assertNotNull(r.message());
        int episodes = Runs.pretrain(r).length + Runs.transfer(r).length;
        assertTrue(episodes >= 1 && episodes < 7, "stopped early, after " + episodes + " episodes");
        for (double x : Runs.pretrain(r)) {
            assertTrue(Double.isFinite(x));
        }
        RunResult back = RunResultJson.read(RunResultJson.write(r));
        assertEquals(RunStatus.DIVERGED, back.status());
    }

    /** A method whose loss turns NaN at a chosen episode: the run ends there, no exception. */
    @Test
    void aNanLossAtEpisodeFiveKeepsExactlyFiveEpisodes() {
        PendulumMethod nanAtFive = new PendulumMethod() {
            @Override
            public String name() {
                return "nan-at-five";
            }

            @Override
            public List<ParamDef> params() {
                return List.of();
            }

            @Override
            public PendulumAgent create(ParamSet p, long seed) {
                return new PendulumAgent() {
                    int episodes;

                    @Override
                    public PendulumPolicy policyForEpisode() {
                        return (th, thd) -> 0.5f;
                    }

                    @Override
                    public boolean learn(Episode episode, double tau) {
                        return ++episodes < 5;
                    }
                };
            }
        };
        PendulumTransfer b = new PendulumTransfer(List.of(nanAtFive));
        RunSpec spec = new RunSpec(PendulumTransfer.NAME, "nan-at-five", "full", 0,
                new ParamSet(Map.of("pretrain_episodes", 3, "transfer_episodes", 4, "steps", 50,
                        "a_pretrain", 1.0, "a_transfer", 1.8)));
        RunResult r = b.run(spec, RunListener.SILENT);
        assertEquals(RunStatus.DIVERGED, r.status());
        assertEquals(3, Runs.pretrain(r).length);
        assertEquals(2, Runs.transfer(r).length);
        assertEquals(PendulumTransfer.best(Runs.transfer(r)), r.metric(PendulumTransfer.BEST_RETURN), 0.0);
    }
}
