package io.github.metasweep.model.metatransfer;

import java.util.List;

/**
 * The {@code bayes-optimal} control of cos-sin: the posterior mean of {@code A sin(x + b)} given the noisy support,
 * under the task prior (A ~ U[0.1, 5], b ~ U[-pi, pi]) and the known noise sigma. No predictor has a lower expected
 * query MSE, so it is the floor every encoder's error is measured against. Trains nothing.
 * <p>
 * With {@code alpha = A cos b}, {@code beta = A sin b} the support is {@code alpha cos x - beta sin x} plus noise
 * and the query {@code alpha sin x + beta cos x}, both linear in (alpha, beta): the posterior mean of the query is
 * that of (alpha, beta), integrated by the midpoint rule on a polar grid of (A, b), the squared error of each grid
 * point from six sums over the support. Without noise the support fixes (alpha, beta): least squares, exactly.
 */
final class CosSinPosteriorMean implements ParameterFreeRegression {
    static final int AMPLITUDE_CELLS = 400;
    static final int PHASE_CELLS = 720;

    private final double sigma;
    private final int amplitudeCells;
    private final int phaseCells;
    private final double[] sse;

    CosSinPosteriorMean(double sigma) {
        this(sigma, AMPLITUDE_CELLS, PHASE_CELLS);
    }

    CosSinPosteriorMean(double sigma, int amplitudeCells, int phaseCells) {
        this.sigma = sigma;
        this.amplitudeCells = amplitudeCells;
        this.phaseCells = phaseCells;
        this.sse = new double[amplitudeCells * phaseCells];
    }

    @Override
    public void predict(double[] params, TransferTask task, double[] out) {
        double[] ab = posteriorMean(task.supportX, task.supportY);
        for (int q = 0; q < task.queryCount(); q++) {
            double x = task.queryX[q];
            out[q] = ab[0] * Math.sin(x) + ab[1] * Math.cos(x);
        }
    }

    /** E[(alpha, beta) | support]. */
    double[] posteriorMean(double[] x, double[] y) {
        double yy = 0, yc = 0, ys = 0, cc = 0, ss = 0, cs = 0;
        for (int i = 0; i < x.length; i++) {
            double c = Math.cos(x[i]);
            double s = Math.sin(x[i]);
            yy += y[i] * y[i];
            yc += y[i] * c;
            ys += y[i] * s;
            cc += c * c;
            ss += s * s;
            cs += c * s;
        }
        if (sigma == 0) { // y = alpha c + u s exactly, u = -beta
            double det = cc * ss - cs * cs;
            if (!(Math.abs(det) > 1e-12 * (cc * ss + 1e-300))) {
                throw new IllegalStateException("without noise, bayes-optimal needs support points that fix A and b"
                        + " (at least 2 with distinct x modulo pi)");
            }
            return new double[] {(ss * yc - cs * ys) / det, -(cc * ys - cs * yc) / det};
        }
        double dA = (CosSinTask.A_MAX - CosSinTask.A_MIN) / amplitudeCells;
        double dB = 2 * Math.PI / phaseCells;
        double least = Double.POSITIVE_INFINITY;
        for (int j = 0; j < phaseCells; j++) {
            double b = -Math.PI + (j + 0.5) * dB;
            double cb = Math.cos(b);
            double sb = Math.sin(b);
            for (int i = 0; i < amplitudeCells; i++) {
                double a = CosSinTask.A_MIN + (i + 0.5) * dA;
                double alpha = a * cb;
                double beta = a * sb;
                // sum (y - alpha c + beta s)^2 from the six sums
                double e = yy - 2 * (alpha * yc - beta * ys) + alpha * alpha * cc - 2 * alpha * beta * cs
                        + beta * beta * ss;
                sse[j * amplitudeCells + i] = e;
                least = Math.min(least, e);
            }
        }
        double weight = 0, alphaSum = 0, betaSum = 0;
        for (int j = 0; j < phaseCells; j++) {
            double b = -Math.PI + (j + 0.5) * dB;
            double cb = Math.cos(b);
            double sb = Math.sin(b);
            for (int i = 0; i < amplitudeCells; i++) {
                double w = Math.exp(-(sse[j * amplitudeCells + i] - least) / (2 * sigma * sigma));
                double a = CosSinTask.A_MIN + (i + 0.5) * dA;
                weight += w;
                alphaSum += w * a * cb;
                betaSum += w * a * sb;
            }
        }
        return new double[] {alphaSum / weight, betaSum / weight};
    }

    @Override
    public double lossAndGradient(double[] params, List<TransferTask> batch, double[] grad) {
        throw new UnsupportedOperationException("bayes-optimal trains nothing");
    }
}
