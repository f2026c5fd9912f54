package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * Draws cos->sin meta-transfer tasks (docs/protocols/meta-transfer.md): A ~ U[0.1, 5.0], b ~ U[-pi, pi]; support
 * points (x, A cos(x + b) + N(0, sigma^2)), query points (x, A sin(x + b)), x ~ U[-5, 5] (or a given grid).
 * Draw order: A, b, the support x, the support noise, the query x.
 */
final class CosSinTask {
    static final double A_MIN = 0.1;
    static final double A_MAX = 5.0;
    static final double X_MIN = -5.0;
    static final double X_MAX = 5.0;
    /** E[A^2]/2: the expected query MSE of predicting 0 (the zero control's closed form). */
    static final double ZERO_MSE = (A_MAX * A_MAX * A_MAX - A_MIN * A_MIN * A_MIN) / (3 * (A_MAX - A_MIN)) / 2;

    private CosSinTask() {
    }

    /** The task of (A, b) with these support points and query x; its truth is (A, b). */
    static TransferTask of(double amplitude, double phase, double[] supportX, double[] supportY, double[] queryX) {
        double[] queryY = new double[queryX.length];
        for (int i = 0; i < queryX.length; i++) {
            queryY[i] = query(amplitude, phase, queryX[i]);
        }
        return new TransferTask(1, supportX, supportY, queryX, queryY, new double[] {amplitude, phase});
    }

    static double support(double amplitude, double phase, double x) {
        return amplitude * Math.cos(x + phase);
    }

    static double query(double amplitude, double phase, double x) {
        return amplitude * Math.sin(x + phase);
    }

    /** A task with {@code k} noisy support points and {@code queryPoints} random query points. */
    static TransferTask sample(GaussianStream random, int k, double sigma, int queryPoints) {
        double a = random.uniform(A_MIN, A_MAX);
        double b = random.uniform(-Math.PI, Math.PI);
        double[] sx = new double[k];
        double[] sy = new double[k];
        fillSupport(random, a, b, sigma, sx, sy);
        double[] qx = new double[queryPoints];
        for (int i = 0; i < queryPoints; i++) {
            qx[i] = random.uniform(X_MIN, X_MAX);
        }
        return of(a, b, sx, sy, qx);
    }

    /** A task with {@code k} noisy support points, queried on {@code grid}. */
    static TransferTask sampleOnGrid(GaussianStream random, int k, double sigma, double[] grid) {
        double a = random.uniform(A_MIN, A_MAX);
        double b = random.uniform(-Math.PI, Math.PI);
        double[] sx = new double[k];
        double[] sy = new double[k];
        fillSupport(random, a, b, sigma, sx, sy);
        return of(a, b, sx, sy, grid);
    }

    private static void fillSupport(GaussianStream random, double a, double b, double sigma, double[] sx, double[] sy) {
        for (int i = 0; i < sx.length; i++) {
            sx[i] = random.uniform(X_MIN, X_MAX);
        }
        for (int i = 0; i < sx.length; i++) {
            sy[i] = support(a, b, sx[i]) + sigma * random.nextGaussian();
        }
    }

    /** {@code n} evenly spaced x on [-5, 5]. */
    static double[] grid(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = X_MIN + (X_MAX - X_MIN) * i / (n - 1);
        }
        return x;
    }
}
