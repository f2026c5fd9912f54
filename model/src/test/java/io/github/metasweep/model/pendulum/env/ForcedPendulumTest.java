package io.github.metasweep.model.pendulum.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForcedPendulumTest {

    /**
     * Three steps from (0.05, -0.1) at A = 1.8 with actions 0.5, -1, 2, worked by hand from protocol
     * section 1 (float32 damping and gravity terms, float64 after the forcing term, state rounded to
     * float32); they equal the reference's numpy environment to the last bit.
     */
    @Test
    void threeStepsMatchTheHandComputation() {
        ForcedPendulum env = new ForcedPendulum(1.8);
        env.reset(0.05f, -0.1f);
        float[] actions = {0.5f, -1.0f, 2.0f};
        float[] theta = {0.04904700443148613f, 0.04799235984683037f, 0.047137726098299026f};
        float[] thetaDot = {-0.09529979526996613f, -0.10546447336673737f, -0.08546329289674759f};
        double[] reward = {-0.058576982129923995, -0.05853880676398423, -0.05568405629965759};
        for (int i = 0; i < 3; i++) {
            double r = env.step(actions[i]);
            assertEquals(theta[i], env.theta(), 0f, "theta after step " + (i + 1));
            assertEquals(thetaDot[i], env.thetaDot(), 0f, "theta_dot after step " + (i + 1));
            assertEquals(reward[i], r, 1e-15, "reward of step " + (i + 1));
            assertEquals(0.01 * (i + 1), env.time(), 1e-15);
        }
    }

    @Test
    void rewardIsMinusAbsThetaMinusATenthOfAbsVelocityOfTheNewState() {
        ForcedPendulum env = new ForcedPendulum(0.0);
        env.reset(-1.2f, 3.0f);
        double r = env.step(0f);
        // the unrounded new state, recomputed from the step equations
        double thetaDot = 3.0f + ((float) (-0.2f * 3.0f - (float) Math.sin(-1.2f))) * 0.01;
        double theta = -1.2f + thetaDot * 0.01;
        assertEquals(-Math.abs(theta) - 0.1 * Math.abs(thetaDot), r, 1e-12);
        assertTrue(r < 0);
    }

    @Test
    void anEpisodeIsThousandStepsAndTheEnvironmentsOwnEndComesAfterStep1001() {
        ForcedPendulum env = new ForcedPendulum(1.0);
        new InitialStates(3).resetNext(env);
        Episode e = Episode.rollout(env, (th, thd) -> 0f, 1000);
        assertEquals(1000, e.rewards().length);
        assertEquals(2000, e.statesAfter().length);
        assertFalse(env.done(), "t = 10.0 after 1000 steps: not yet past the horizon");
        double sum = 0;
        for (float r : e.rewards()) {
            sum += r;
        }
        assertEquals(sum, e.episodeReturn(), 1e-3, "the return sums the rewards (float64 before rounding)");
        env.step(0f);
        assertTrue(env.done(), "step 1001 passes t > 10.0");
    }

    @Test
    void pairingKeepsStateBeforeAndAfterEachAction() {
        ForcedPendulum env = new ForcedPendulum(1.0);
        env.reset(0.1f, 0.0f);
        Episode e = Episode.rollout(env, (th, thd) -> 1f, 5);
        for (int i = 1; i < 5; i++) {
            assertEquals(e.statesAfter()[2 * (i - 1)], e.statesBefore()[2 * i], 0f);
        }
        assertEquals(0.1f, e.statesBefore()[0], 0f);
    }

    @Test
    void initialStatesAreFloat32NormalsWithStandardDeviationATenth() {
        InitialStates s = new InitialStates(11);
        ForcedPendulum env = new ForcedPendulum(1.0);
        int n = 20000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            s.resetNext(env);
            sum += env.theta() + env.thetaDot();
            sumSq += env.theta() * env.theta() + env.thetaDot() * env.thetaDot();
        }
        double mean = sum / (2 * n);
        double sd = Math.sqrt(sumSq / (2 * n) - mean * mean);
        assertEquals(0.0, mean, 0.003);
        assertEquals(0.1, sd, 0.003);
    }
}
