package io.github.metasweep.model.pendulum.env;

/**
 * One rolled-out episode: for each step the state before and after it (row-major, 2 per row), the
 * action taken, the reward as float32 (as the reference's tensor holds it), and the float64 return.
 */
public record Episode(int steps, float[] statesBefore, float[] statesAfter, float[] actions, float[] rewards,
                      double episodeReturn) {

    /** Runs {@code policy} for {@code steps} steps from {@code env}'s current state. */
    public static Episode rollout(ForcedPendulum env, PendulumPolicy policy, int steps) {
        float[] before = new float[2 * steps];
        float[] after = new float[2 * steps];
        float[] actions = new float[steps];
        float[] rewards = new float[steps];
        double total = 0.0;
        for (int i = 0; i < steps; i++) {
            before[2 * i] = env.theta();
            before[2 * i + 1] = env.thetaDot();
            float u = policy.act(env.theta(), env.thetaDot());
            double r = env.step(u);
            after[2 * i] = env.theta();
            after[2 * i + 1] = env.thetaDot();
            actions[i] = u;
            rewards[i] = (float) r;
            total += r;
        }
        return new Episode(steps, before, after, actions, rewards, total);
    }
}
