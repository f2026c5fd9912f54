package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;

/**
 * Trains the per-task policy of one training goal with {@link SoftActorCritic} on {@link PointNav} (one
 * environment; the goal is not observed, so the state is the position): uniform random actions for the first
 * {@code learningStarts} steps, then the stochastic policy, one gradient step per environment step (SB3's
 * defaults). A success ends the episode as a termination, the 100-step time-out as a truncation. Streams of the
 * run seed: {@code sac-<task>-init}, {@code -env}, {@code -act}, {@code -replay}.
 */
final class TaskPolicyTraining {
    /** The trained deterministic policy ({@code 0.1 tanh(mu)}) and the return of every finished training episode. */
    record Trained(NavPolicy policy, double[] episodeReturns) {
    }

    private TaskPolicyTraining() {
    }

    static Trained train(double[] goal, long seed, int task, SoftActorCritic.Settings settings, int steps,
                         int learningStarts) {
        String prefix = "sac-" + task + "-";
        SoftActorCritic sac = new SoftActorCritic(2, 2, settings, GaussianStream.forRun(seed, prefix + "init"));
        GaussianStream env = GaussianStream.forRun(seed, prefix + "env");
        GaussianStream act = GaussianStream.forRun(seed, prefix + "act");
        GaussianStream replayDraws = GaussianStream.forRun(seed, prefix + "replay");
        Replay replay = new Replay(2, 2, Math.max(steps, 1));
        java.util.List<Double> returns = new java.util.ArrayList<>();
        double[] p = start(env);
        double episodeReturn = 0;
        int t = 0;
        for (int step = 0; step < steps; step++) {
            double[] a = step < learningStarts
                    ? new double[] {act.uniform(-1, 1), act.uniform(-1, 1)}
                    : sac.act(p, false, act);
            double[] next = PointNav.step(p, scaled(a), new double[] {env.nextGaussian(), env.nextGaussian()});
            double r = PointNav.reward(next, goal);
            t++;
            boolean success = PointNav.success(next, goal) && t < PointNav.HORIZON;
            replay.add(p, a, r, next, success);
            episodeReturn += r;
            if (step >= learningStarts) {
                sac.update(replay, replayDraws);
            }
            if (success || t == PointNav.HORIZON) {
                returns.add(episodeReturn);
                p = start(env);
                episodeReturn = 0;
                t = 0;
            } else {
                p = next;
            }
        }
        NavPolicy policy = s -> scaled(sac.act(s, true, null));
        return new Trained(policy, returns.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] start(GaussianStream env) {
        return new double[] {PointNav.NOISE * env.nextGaussian(), PointNav.NOISE * env.nextGaussian()};
    }

    /** An action in [-1, 1]^2 scaled to the environment's box [-0.1, 0.1]^2. */
    static double[] scaled(double[] a) {
        return new double[] {PointNav.ACTION_LIMIT * a[0], PointNav.ACTION_LIMIT * a[1]};
    }
}
