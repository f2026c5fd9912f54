package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;
import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.core.meta.InnerSgd;
import java.util.List;

/**
 * The context-SAC baseline's task encoder (the paper code's contrastive PEARL variant, docs/protocols/
 * hereditary-symmetry.md): an MLP {@code phi} on one transition {@code (s, a, r, s')} (7 numbers), the task code
 * {@code z} the mean of phi over a context of transitions (deterministic, no information bottleneck). Trained by
 * InfoNCE with cosine similarity: for tasks i = 1..K with two contexts each, {@code logits_ij = cos(z_i, w_j) / T}
 * and the loss {@code mean_i -log softmax_j(logits_i)_i} (the other tasks' contexts are the negatives).
 */
final class TransitionEncoder {
    static final int FEATURES = 7;

    private final DenseNet phi;
    final double[] params;
    private final Adam adam;
    private final double temperature;
    private final DenseNet.Pass pass;
    private final int latent;

    TransitionEncoder(int hidden, int latent, double lr, double temperature, GaussianStream init) {
        this.phi = new DenseNet(FEATURES, hidden, hidden, latent);
        this.params = new double[phi.size()];
        phi.init(init, params, 0);
        this.adam = new Adam(InnerSgd.uniform(params.length, lr));
        this.temperature = temperature;
        this.pass = phi.newPass();
        this.latent = latent;
    }

    int latent() {
        return latent;
    }

    /** One transition as the encoder's input. */
    static double[] features(double[] s, double[] a, double r, double[] next) {
        return new double[] {s[0], s[1], a[0], a[1], r, next[0], next[1]};
    }

    /** The task code of a context (the zero code for an empty one). */
    double[] encode(List<double[]> context) {
        phi.load(params, 0);
        double[] z = new double[latent];
        for (double[] t : context) {
            double[] out = phi.forward(t, null, pass);
            for (int j = 0; j < latent; j++) {
                z[j] += out[j] / context.size();
            }
        }
        return z;
    }

    /**
     * The InfoNCE loss of the contexts {@code first.get(i)}, {@code second.get(i)} of task i; adds its gradient
     * with respect to the encoder's parameters into {@code grad}.
     */
    double infoNceAndGradient(List<List<double[]>> first, List<List<double[]>> second, double[] grad) {
        int k = first.size();
        double[][] z = new double[k][];
        double[][] w = new double[k][];
        for (int i = 0; i < k; i++) {
            z[i] = encode(first.get(i));
            w[i] = encode(second.get(i));
        }
        double[][] dz = new double[k][latent];
        double[][] dw = new double[k][latent];
        double loss = 0;
        for (int i = 0; i < k; i++) {
            double[] logits = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                logits[j] = cosine(z[i], w[j]) / temperature;
                max = Math.max(max, logits[j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(logits[j] - max);
            }
            loss += (max + Math.log(sum) - logits[i]) / k;
            for (int j = 0; j < k; j++) {
                double dLogit = (Math.exp(logits[j] - max) / sum - (i == j ? 1 : 0)) / (k * temperature);
                addCosineGradient(z[i], w[j], dLogit, dz[i], dw[j]);
            }
        }
        phi.load(params, 0);
        for (int i = 0; i < k; i++) {
            backward(first.get(i), dz[i]);
            backward(second.get(i), dw[i]);
        }
        phi.flushGradient(grad, 0);
        return loss;
    }

    /** One Adam step on the InfoNCE loss of the contexts; returns the loss before the step. */
    double step(List<List<double[]>> first, List<List<double[]>> second) {
        double[] grad = new double[params.length];
        double loss = infoNceAndGradient(first, second, grad);
        adam.step(params, grad);
        return loss;
    }

    private void backward(List<double[]> context, double[] dCode) {
        double[] d = new double[latent];
        for (int j = 0; j < latent; j++) {
            d[j] = dCode[j] / context.size();
        }
        for (double[] t : context) {
            phi.forward(t, null, pass);
            phi.backward(pass, d, null, true, null, null);
        }
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(Math.max(s, 1e-24));
    }

    static double cosine(double[] x, double[] y) {
        double dot = 0;
        for (int j = 0; j < x.length; j++) {
            dot += x[j] * y[j];
        }
        return dot / (norm(x) * norm(y));
    }

    /** Adds {@code scale} times the gradient of cos(x, y) with respect to x and to y into dx and dy. */
    private static void addCosineGradient(double[] x, double[] y, double scale, double[] dx, double[] dy) {
        double nx = norm(x);
        double ny = norm(y);
        double c = cosine(x, y);
        for (int j = 0; j < x.length; j++) {
            dx[j] += scale * (y[j] / (nx * ny) - c * x[j] / (nx * nx));
            dy[j] += scale * (x[j] / (nx * ny) - c * y[j] / (ny * ny));
        }
    }
}
