package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;
import java.util.Locale;

/**
 * Speed of one per-task SAC training on point navigation (not a test; issue 17's target: within 60 s on one
 * core): {@code SacSpeed [steps] [hidden] [batch]}, defaults the point-nav benchmark's. One line per figure,
 * with the last training episodes' mean return and a deterministic evaluation's, to see what the time bought.
 */
public final class SacSpeed {
    private SacSpeed() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : PointNavigation.SAC_STEPS_DEFAULT;
        int hidden = args.length > 1 ? Integer.parseInt(args[1]) : PointNavigation.SAC_HIDDEN_DEFAULT;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : PointNavigation.SAC_BATCH_DEFAULT;
        SoftActorCritic.Settings settings = new SoftActorCritic.Settings(hidden, 3e-4, 0.99, 0.005, batch);
        double[] goal = {Math.cos(1.0), Math.sin(1.0)};
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long t0 = System.nanoTime();
            TaskPolicyTraining.Trained t = TaskPolicyTraining.train(goal, round, 0, settings, steps, 100);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] r = t.episodeReturns();
            double last = java.util.Arrays.stream(r, Math.max(0, r.length - 20), r.length).average().orElse(Double.NaN);
            double eval = 0;
            for (int e = 0; e < 20; e++) {
                eval += PointNavigation.episode(t.policy(), goal, GaussianStream.forRun(round, "eval-" + e)).ret() / 20;
            }
            System.out.printf(Locale.ROOT, "SAC training of one point-nav task (%d steps, hidden %d, batch %d)%s: "
                    + "%.1f s; last 20 training episodes %.2f, deterministic evaluation %.2f (oracle about -4.8)%n",
                    steps, hidden, batch, round == 0 ? " cold" : "", seconds, last, eval);
        }
    }
}
