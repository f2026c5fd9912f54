package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.meta.InnerSgd;
import io.github.metasweep.model.core.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Algorithm 1's training loop: {@code epochs} passes over a fixed set of training tasks in a fresh random order
 * (the seed's {@code order} stream), one Adam step on the mean query loss of every {@code batch} tasks.
 */
final class EndToEndTraining {
    /** The mean training loss of each epoch run, and why training stopped early (null when it did not). */
    record Outcome(double[] epochLoss, String divergence) {
    }

    private EndToEndTraining() {
    }

    static Outcome train(TaskModel model, double[] params, TransferTask[] tasks, int epochs, int batch, double lr,
                         long seed, RunListener listener) {
        GaussianStream order = GaussianStream.forRun(seed, "order");
        Adam adam = new Adam(InnerSgd.uniform(params.length, lr));
        double[] grad = new double[params.length];
        int[] perm = new int[tasks.length];
        double[] epochLoss = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, perm);
            double sum = 0;
            for (int from = 0; from < tasks.length; from += batch) {
                int to = Math.min(tasks.length, from + batch);
                java.util.Arrays.fill(grad, 0.0);
                List<TransferTask> step = new ArrayList<>(to - from);
                for (int t = from; t < to; t++) {
                    step.add(tasks[perm[t]]);
                }
                double loss = model.lossAndGradient(params, step, grad);
                double inv = 1.0 / (to - from);
                for (int i = 0; i < grad.length; i++) {
                    grad[i] *= inv;
                }
                if (!Double.isFinite(loss) || !InnerSgd.finite(grad)) {
                    return new Outcome(java.util.Arrays.copyOf(epochLoss, epoch),
                            "non-finite query loss or gradient in epoch " + (epoch + 1));
                }
                adam.step(params, grad);
                sum += loss;
            }
            epochLoss[epoch] = sum / tasks.length;
            listener.progress(epoch + 1, epochs, String.format(Locale.ROOT, "training query loss %.4f",
                    epochLoss[epoch]));
        }
        return new Outcome(epochLoss, null);
    }

    /** A uniformly random permutation of 0..n-1 into {@code perm} (Fisher-Yates). */
    static void shuffle(GaussianStream random, int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        for (int i = perm.length - 1; i > 0; i--) {
            int j = (int) random.uniform(0, i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
    }
}
