package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The regression network {@code in(+ctx)-h-h-1} with ReLU, float64 on one flat parameter vector, with the
 * mean-squared-error loss, its gradient and its exact Hessian-vector product (Pearlmutter's R-operator:
 * forward-mode along {@code v} through the forward and the backward pass, over the fixed ReLU pattern,
 * whose second derivative is zero almost everywhere).
 *
 * <p>Layout of theta: W1 [d][h] (input-major, d = in + ctx), b1 [h], W2 [h][h] (input-major), b2 [h],
 * w3 [h], b3, then the {@code ctx} context scalars (CAVIA), which are fed as inputs {@code in..d-1}.
 * Input-major weights make every hot loop an axpy over the {@code h} output units, which the JIT
 * vectorises. All scratch is preallocated for at most {@code maxPoints} points: no allocation per call.
 * Not thread-safe.
 */
public final class Mlp {
    final int in;
    final int ctx;
    final int h;
    final int d;
    final int oW1;
    final int oB1;
    final int oW2;
    final int oB2;
    final int oW3;
    final int oB3;
    final int oCtx;
    final int size;
    private final int maxPoints;
    // per-point forward state
    private final double[] z1;
    private final double[] a1;
    private final double[] z2;
    private final double[] a2;
    private final double[] u;
    // per-point backward and R scratch
    private final double[] dz2;
    private final double[] dz1;
    private final double[] rz1;
    private final double[] rz2;
    private final double[] rdz2;
    private final double[] rdz1;
    private final double[] ru;

    public Mlp(int in, int ctx, int h, int maxPoints) {
        this.in = in;
        this.ctx = ctx;
        this.h = h;
        this.d = in + ctx;
        this.maxPoints = maxPoints;
        oW1 = 0;
        oB1 = d * h;
        oW2 = oB1 + h;
        oB2 = oW2 + h * h;
        oW3 = oB2 + h;
        oB3 = oW3 + h;
        oCtx = oB3 + 1;
        size = oCtx + ctx;
        z1 = new double[h];
        a1 = new double[h];
        z2 = new double[h];
        a2 = new double[h];
        u = new double[d];
        dz2 = new double[h];
        dz1 = new double[h];
        rz1 = new double[h];
        rz2 = new double[h];
        rdz2 = new double[h];
        rdz1 = new double[h];
        ru = new double[d];
    }

    /** Length of the parameter vector. */
    public int size() {
        return size;
    }

    public int inputs() {
        return in;
    }

    public int contextSize() {
        return ctx;
    }

    /** Index of the first context scalar in theta. */
    public int contextOffset() {
        return oCtx;
    }

    public int maxPoints() {
        return maxPoints;
    }

    /**
     * Fresh parameters as PyTorch's nn.Linear initialises them: weights and biases U(-1/sqrt(fan_in),
     * 1/sqrt(fan_in)); the context (not a weight) is 0.
     */
    public double[] init(GaussianStream random) {
        double[] t = new double[size];
        double b = 1.0 / Math.sqrt(d);
        for (int i = oW1; i < oB1 + h; i++) {
            t[i] = random.uniform(-b, b);
        }
        b = 1.0 / Math.sqrt(h);
        for (int i = oW2; i < oB3 + 1; i++) {
            t[i] = random.uniform(-b, b);
        }
        return t;
    }

    private void input(double[] theta, double[] x, int p) {
        System.arraycopy(x, p * in, u, 0, in);
        for (int c = 0; c < ctx; c++) {
            u[in + c] = theta[oCtx + c];
        }
    }

    /** Forward pass of the point in {@link #u}; fills z1, a1, z2, a2; returns the output. */
    private double forward(double[] theta) {
        System.arraycopy(theta, oB1, z1, 0, h);
        for (int i = 0; i < d; i++) {
            double ui = u[i];
            int row = oW1 + i * h;
            for (int j = 0; j < h; j++) {
                z1[j] += ui * theta[row + j];
            }
        }
        for (int j = 0; j < h; j++) {
            a1[j] = z1[j] > 0 ? z1[j] : 0.0;
        }
        System.arraycopy(theta, oB2, z2, 0, h);
        for (int k = 0; k < h; k++) {
            double ak = a1[k];
            if (ak != 0.0) {
                int row = oW2 + k * h;
                for (int j = 0; j < h; j++) {
                    z2[j] += ak * theta[row + j];
                }
            }
        }
        double y = theta[oB3];
        for (int j = 0; j < h; j++) {
            double a = z2[j] > 0 ? z2[j] : 0.0;
            a2[j] = a;
            y += a * theta[oW3 + j];
        }
        return y;
    }

    /** The network's output at each of {@code n} points of {@code x} ({@code n*in} features) into {@code out}. */
    public void predict(double[] theta, double[] x, int n, double[] out) {
        for (int p = 0; p < n; p++) {
            input(theta, x, p);
            out[p] = forward(theta);
        }
    }

    /** Mean squared error over {@code n} points. */
    public double loss(double[] theta, double[] x, double[] y, int n) {
        double sum = 0;
        for (int p = 0; p < n; p++) {
            input(theta, x, p);
            double r = forward(theta) - y[p];
            sum += r * r;
        }
        return sum / n;
    }

    /** Mean squared error over {@code n} points; overwrites {@code grad} with its gradient. */
    public double lossAndGradient(double[] theta, double[] x, double[] y, int n, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        double sum = 0;
        double scale = 2.0 / n;
        for (int p = 0; p < n; p++) {
            input(theta, x, p);
            double r = forward(theta) - y[p];
            sum += r * r;
            double e = scale * r;
            // output layer
            grad[oB3] += e;
            for (int j = 0; j < h; j++) {
                grad[oW3 + j] += e * a2[j];
                dz2[j] = z2[j] > 0 ? e * theta[oW3 + j] : 0.0;
            }
            for (int j = 0; j < h; j++) {
                grad[oB2 + j] += dz2[j];
            }
            // hidden layer 2: gW2[k][j] += a1[k] dz2[j]; da1[k] = sum_j W2[k][j] dz2[j]
            for (int k = 0; k < h; k++) {
                double ak = a1[k];
                if (ak != 0.0) {
                    int row = oW2 + k * h;
                    double s = 0;
                    for (int j = 0; j < h; j++) {
                        grad[row + j] += ak * dz2[j];
                        s += theta[row + j] * dz2[j];
                    }
                    dz1[k] = s;
                } else {
                    dz1[k] = 0.0;
                }
            }
            backwardLayer1(theta, grad, dz1);
        }
        return sum / n;
    }

    /** Adds layer-1 and context gradients for the pre-activation gradient {@code g1} of the point in u. */
    private void backwardLayer1(double[] theta, double[] grad, double[] g1) {
        for (int j = 0; j < h; j++) {
            grad[oB1 + j] += g1[j];
        }
        for (int i = 0; i < d; i++) {
            double ui = u[i];
            int row = oW1 + i * h;
            for (int j = 0; j < h; j++) {
                grad[row + j] += ui * g1[j];
            }
        }
        for (int c = 0; c < ctx; c++) {
            int row = oW1 + (in + c) * h;
            double s = 0;
            for (int j = 0; j < h; j++) {
                s += theta[row + j] * g1[j];
            }
            grad[oCtx + c] += s;
        }
    }

    /**
     * Mean squared error over {@code n} points; overwrites {@code grad} with its gradient and {@code hv} with
     * the exact Hessian-vector product H(theta) v (R-operator).
     */
    public double lossGradientHv(double[] theta, double[] x, double[] y, int n, double[] v, double[] grad,
                                 double[] hv) {
        java.util.Arrays.fill(grad, 0.0);
        java.util.Arrays.fill(hv, 0.0);
        double sum = 0;
        double scale = 2.0 / n;
        for (int p = 0; p < n; p++) {
            input(theta, x, p);
            double yp = forward(theta);
            // R-forward: Ru = (0, v_ctx)
            for (int i = 0; i < in; i++) {
                ru[i] = 0.0;
            }
            for (int c = 0; c < ctx; c++) {
                ru[in + c] = v[oCtx + c];
            }
            System.arraycopy(v, oB1, rz1, 0, h);
            for (int i = 0; i < d; i++) {
                double ui = u[i];
                double rui = ru[i];
                int row = oW1 + i * h;
                for (int j = 0; j < h; j++) {
                    rz1[j] += ui * v[row + j] + rui * theta[row + j];
                }
            }
            for (int j = 0; j < h; j++) {
                if (z1[j] <= 0) {
                    rz1[j] = 0.0; // now R a1
                }
            }
            System.arraycopy(v, oB2, rz2, 0, h);
            for (int k = 0; k < h; k++) {
                double ak = a1[k];
                double rak = rz1[k];
                if (ak != 0.0) {
                    int row = oW2 + k * h;
                    for (int j = 0; j < h; j++) {
                        rz2[j] += ak * v[row + j] + rak * theta[row + j];
                    }
                }
            }
            double ry = v[oB3];
            for (int j = 0; j < h; j++) {
                if (z2[j] <= 0) {
                    rz2[j] = 0.0; // now R a2
                }
                ry += v[oW3 + j] * a2[j] + theta[oW3 + j] * rz2[j];
            }
            double r = yp - y[p];
            sum += r * r;
            double e = scale * r;
            double re = scale * ry;
            grad[oB3] += e;
            hv[oB3] += re;
            for (int j = 0; j < h; j++) {
                grad[oW3 + j] += e * a2[j];
                hv[oW3 + j] += re * a2[j] + e * rz2[j];
                boolean on = z2[j] > 0;
                dz2[j] = on ? e * theta[oW3 + j] : 0.0;
                rdz2[j] = on ? re * theta[oW3 + j] + e * v[oW3 + j] : 0.0;
            }
            for (int j = 0; j < h; j++) {
                grad[oB2 + j] += dz2[j];
                hv[oB2 + j] += rdz2[j];
            }
            for (int k = 0; k < h; k++) {
                double ak = a1[k];
                if (ak != 0.0) {
                    double rak = rz1[k];
                    int row = oW2 + k * h;
                    double s = 0;
                    double rs = 0;
                    for (int j = 0; j < h; j++) {
                        double w = theta[row + j];
                        grad[row + j] += ak * dz2[j];
                        hv[row + j] += rak * dz2[j] + ak * rdz2[j];
                        s += w * dz2[j];
                        rs += v[row + j] * dz2[j] + w * rdz2[j];
                    }
                    dz1[k] = s;
                    rdz1[k] = rs;
                } else {
                    dz1[k] = 0.0;
                    rdz1[k] = 0.0;
                }
            }
            backwardLayer1(theta, grad, dz1);
            // R of layer-1 gradients: R gW1[i][j] = u_i R dz1_j + Ru_i dz1_j; R g_ctx = sum_j V1 dz1 + W1 R dz1
            for (int j = 0; j < h; j++) {
                hv[oB1 + j] += rdz1[j];
            }
            for (int i = 0; i < d; i++) {
                double ui = u[i];
                double rui = ru[i];
                int row = oW1 + i * h;
                for (int j = 0; j < h; j++) {
                    hv[row + j] += ui * rdz1[j] + rui * dz1[j];
                }
            }
            for (int c = 0; c < ctx; c++) {
                int row = oW1 + (in + c) * h;
                double s = 0;
                for (int j = 0; j < h; j++) {
                    s += v[row + j] * dz1[j] + theta[row + j] * rdz1[j];
                }
                hv[oCtx + c] += s;
            }
        }
        return sum / n;
    }

    /** The ReLU pattern of all hidden units at the {@code n} points (for tests: no unit switches in a step). */
    public boolean[] pattern(double[] theta, double[] x, int n) {
        boolean[] on = new boolean[2 * h * n];
        for (int p = 0; p < n; p++) {
            input(theta, x, p);
            forward(theta);
            for (int j = 0; j < h; j++) {
                on[p * 2 * h + j] = z1[j] > 0;
                on[p * 2 * h + h + j] = z2[j] > 0;
            }
        }
        return on;
    }
}
