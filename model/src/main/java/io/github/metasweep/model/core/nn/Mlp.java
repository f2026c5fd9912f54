package io.github.metasweep.model.core.nn;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The regression network {@code in(+ctx)-h-h-1} with ReLU, float64 on one flat parameter vector, with the
 * mean-squared-error loss, its gradient and its exact Hessian-vector product (Pearlmutter's R-operator:
 * forward-mode along {@code v} through the forward and the backward pass, over the fixed ReLU pattern,
 * whose second derivative is zero almost everywhere).
 *
 * <p>Layout of theta: W1 [d][h] (input-major, d = in + ctx), b1 [h], W2 [h][h] (input-major), b2 [h],
 * w3 [h], b3, then the {@code ctx} context scalars (CAVIA), which are fed as inputs {@code in..d-1}.
 * Input-major weights make every hot loop an axpy over the {@code h} output units. On Java 17 the JIT's
 * SuperWord vectorises a loop only when every array in it is indexed by the same expression (it cannot
 * prove that two double[] at different offsets do not alias), so each call first unpacks theta (and v)
 * into one array per weight row (and W2 transposed, for the backward pass), skipping the unpack
 * when theta is held by one of two slots (the support gradient and Hessian-vector product of MAML are
 * taken at the same theta_0 for all tasks of a meta-batch), and packs the gradients back at the end.
 * All scratch is preallocated: no allocation per call. Not thread-safe. The layout offsets are public (read-only).
 */
public final class Mlp {
    public final int in;
    public final int ctx;
    public final int h;
    public final int d;
    public final int oW1;
    public final int oB1;
    public final int oW2;
    public final int oB2;
    public final int oW3;
    public final int oB3;
    public final int oCtx;
    public final int size;
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
    // indices of the active units of each hidden layer at the current point (branch-free loops over them)
    private final int[] act1;
    private final int[] act2;
    private int n1;
    private int n2;
    // theta unpacked into rows (and its copy, to skip unpacking an unchanged theta)
    private Slot cur;
    private Slot other;
    private double[] loaded;
    private double[][] w1;
    private double[] b1;
    private double[][] w2;
    private double[][] w2t;
    private double[] b2;
    private double[] w3;
    private double b3;
    private final double[] da1;
    private final double[] rda1;
    private final double[][] v2t;
    // v unpacked likewise
    private final double[][] v1;
    private final double[] c1;
    private final double[][] v2;
    private final double[] c2;
    private final double[] v3;
    private double d3;
    // gradient and Hessian-vector accumulators by rows
    private final double[][] gw1;
    private final double[] gb1;
    private final double[][] gw2;
    private final double[] gb2;
    private final double[] gw3;
    private double gb3;
    private final double[] gctx;
    private final double[][] hw1;
    private final double[] hb1;
    private final double[][] hw2;
    private final double[] hb2;
    private final double[] hw3;
    private double hb3;
    private final double[] hctx;

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
        act1 = new int[h];
        act2 = new int[h];
        cur = new Slot();
        other = new Slot();
        da1 = new double[h];
        rda1 = new double[h];
        v2t = new double[h][h];
        v1 = new double[d][h];
        c1 = new double[h];
        v2 = new double[h][h];
        c2 = new double[h];
        v3 = new double[h];
        gw1 = new double[d][h];
        gb1 = new double[h];
        gw2 = new double[h][h];
        gb2 = new double[h];
        gw3 = new double[h];
        gctx = new double[Math.max(ctx, 1)];
        hw1 = new double[d][h];
        hb1 = new double[h];
        hw2 = new double[h][h];
        hb2 = new double[h];
        hw3 = new double[h];
        hctx = new double[Math.max(ctx, 1)];
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

    /** One unpacked theta: a copy of it, its rows and W2 transposed. */
    private final class Slot {
        final double[] copy = new double[size];
        final double[][] w1 = new double[d][h];
        final double[] b1 = new double[h];
        final double[][] w2 = new double[h][h];
        final double[][] w2t = new double[h][h];
        final double[] b2 = new double[h];
        final double[] w3 = new double[h];
        boolean valid;

        boolean holds(double[] theta) {
            return valid && java.util.Arrays.equals(theta, 0, size, copy, 0, size);
        }
    }

    /**
     * Makes theta the current parameters: the current or the other slot when it holds theta (two slots, so
     * theta_0 stays unpacked while MAML alternates between theta_0 and each task's adapted theta), otherwise
     * unpacks it into the least recently used slot.
     */
    private void load(double[] theta) {
        if (!cur.holds(theta)) {
            Slot s = cur;
            cur = other;
            other = s;
            if (!cur.holds(theta)) {
                System.arraycopy(theta, 0, cur.copy, 0, size);
                unpack(theta, cur.w1, cur.b1, cur.w2, cur.w2t, cur.b2, cur.w3);
                cur.valid = true;
            }
        }
        loaded = cur.copy;
        w1 = cur.w1;
        b1 = cur.b1;
        w2 = cur.w2;
        w2t = cur.w2t;
        b2 = cur.b2;
        w3 = cur.w3;
        b3 = loaded[oB3];
    }

    private void unpack(double[] t, double[][] r1, double[] rb1, double[][] r2, double[][] r2t, double[] rb2,
                        double[] r3) {
        for (int i = 0; i < d; i++) {
            System.arraycopy(t, oW1 + i * h, r1[i], 0, h);
        }
        System.arraycopy(t, oB1, rb1, 0, h);
        for (int k = 0; k < h; k++) {
            System.arraycopy(t, oW2 + k * h, r2[k], 0, h);
        }
        for (int k = 0; k < h; k++) {
            double[] row = r2[k];
            for (int j = 0; j < h; j++) {
                r2t[j][k] = row[j];
            }
        }
        System.arraycopy(t, oB2, rb2, 0, h);
        System.arraycopy(t, oW3, r3, 0, h);
    }

    private void input(double[] x, int p) {
        System.arraycopy(x, p * in, u, 0, in);
        for (int c = 0; c < ctx; c++) {
            u[in + c] = loaded[oCtx + c];
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /**
     * {@code y += sum over the listed rows r of coef[r] * rows[r]}, four rows per pass over y (one load and
     * store of y per four rows: the axpys are bound by memory operations, not multiplications).
     */
    private static void axpyRows(int[] list, int count, double[] coef, double[][] rows, double[] y) {
        int t = 0;
        int n = y.length;
        for (; t + 3 < count; t += 4) {
            int k0 = list[t];
            int k1 = list[t + 1];
            int k2 = list[t + 2];
            int k3 = list[t + 3];
            double c0 = coef[k0];
            double c1 = coef[k1];
            double c2 = coef[k2];
            double c3 = coef[k3];
            double[] r0 = rows[k0];
            double[] r1 = rows[k1];
            double[] r2 = rows[k2];
            double[] r3 = rows[k3];
            for (int j = 0; j < n; j++) {
                y[j] += c0 * r0[j] + c1 * r1[j] + c2 * r2[j] + c3 * r3[j];
            }
        }
        for (; t < count; t++) {
            int k = list[t];
            axpy(coef[k], rows[k], y);
        }
    }

    /** Four partial sums: a dependency chain of 40 adds would cost more than the multiplications. */
    private static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Forward pass of the point in {@link #u} (theta loaded); fills z1, a1, z2, a2; returns the output. */
    private double forward() {
        System.arraycopy(b1, 0, z1, 0, h);
        for (int i = 0; i < d; i++) {
            axpy(u[i], w1[i], z1);
        }
        int m = 0;
        for (int j = 0; j < h; j++) {
            double z = z1[j];
            boolean on = z > 0;
            a1[j] = on ? z : 0.0;
            act1[m] = j;
            m += on ? 1 : 0;
        }
        n1 = m;
        System.arraycopy(b2, 0, z2, 0, h);
        axpyRows(act1, m, a1, w2, z2);
        m = 0;
        for (int j = 0; j < h; j++) {
            double z = z2[j];
            boolean on = z > 0;
            a2[j] = on ? z : 0.0;
            act2[m] = j;
            m += on ? 1 : 0;
        }
        n2 = m;
        return b3 + dot(w3, a2);
    }

    /** The network's output at each of {@code n} points of {@code x} ({@code n*in} features) into {@code out}. */
    public void predict(double[] theta, double[] x, int n, double[] out) {
        load(theta);
        for (int p = 0; p < n; p++) {
            input(x, p);
            out[p] = forward();
        }
    }

    /** Mean squared error over {@code n} points. */
    public double loss(double[] theta, double[] x, double[] y, int n) {
        load(theta);
        double sum = 0;
        for (int p = 0; p < n; p++) {
            input(x, p);
            double r = forward() - y[p];
            sum += r * r;
        }
        return sum / n;
    }

    private static void zero(double[][] rows) {
        for (double[] r : rows) {
            java.util.Arrays.fill(r, 0.0);
        }
    }

    private void clearGradient() {
        zero(gw1);
        java.util.Arrays.fill(gb1, 0.0);
        zero(gw2);
        java.util.Arrays.fill(gb2, 0.0);
        java.util.Arrays.fill(gw3, 0.0);
        gb3 = 0.0;
        java.util.Arrays.fill(gctx, 0.0);
    }

    private void pack(double[] out, double[][] r1, double[] rb1, double[][] r2, double[] rb2, double[] r3, double rb3,
                      double[] rctx) {
        for (int i = 0; i < d; i++) {
            System.arraycopy(r1[i], 0, out, oW1 + i * h, h);
        }
        System.arraycopy(rb1, 0, out, oB1, h);
        for (int k = 0; k < h; k++) {
            System.arraycopy(r2[k], 0, out, oW2 + k * h, h);
        }
        System.arraycopy(rb2, 0, out, oB2, h);
        System.arraycopy(r3, 0, out, oW3, h);
        out[oB3] = rb3;
        System.arraycopy(rctx, 0, out, oCtx, ctx);
    }

    /** Backward pass of the point in u for output error {@code e}: adds to the gradient rows; fills dz2, dz1. */
    private void backward(double e, boolean accumulate) {
        if (accumulate) {
            gb3 += e;
            axpy(e, a2, gw3);
        }
        for (int j = 0; j < h; j++) {
            dz2[j] = z2[j] > 0 ? e * w3[j] : 0.0;
        }
        java.util.Arrays.fill(da1, 0.0);
        axpyRows(act2, n2, dz2, w2t, da1);
        for (int k = 0; k < h; k++) {
            dz1[k] = z1[k] > 0 ? da1[k] : 0.0;
        }
        if (!accumulate) {
            return;
        }
        axpy(1.0, dz2, gb2);
        for (int t = 0; t < n1; t++) {
            int k = act1[t];
            axpy(a1[k], dz2, gw2[k]);
        }
        axpy(1.0, dz1, gb1);
        for (int i = 0; i < d; i++) {
            axpy(u[i], dz1, gw1[i]);
        }
        for (int c = 0; c < ctx; c++) {
            gctx[c] += dot(w1[in + c], dz1);
        }
    }

    /** Mean squared error over {@code n} points; overwrites {@code grad} with its gradient. */
    public double lossAndGradient(double[] theta, double[] x, double[] y, int n, double[] grad) {
        load(theta);
        clearGradient();
        double sum = 0;
        double scale = 2.0 / n;
        for (int p = 0; p < n; p++) {
            input(x, p);
            double r = forward() - y[p];
            sum += r * r;
            backward(scale * r, true);
        }
        pack(grad, gw1, gb1, gw2, gb2, gw3, gb3, gctx);
        return sum / n;
    }

    /**
     * Mean squared error over {@code n} points; overwrites {@code grad} (unless null) with its gradient and
     * {@code hv} with the exact Hessian-vector product H(theta) v (R-operator).
     */
    public double lossGradientHv(double[] theta, double[] x, double[] y, int n, double[] v, double[] grad,
                                 double[] hv) {
        load(theta);
        unpack(v, v1, c1, v2, v2t, c2, v3);
        d3 = v[oB3];
        clearGradient();
        zero(hw1);
        java.util.Arrays.fill(hb1, 0.0);
        zero(hw2);
        java.util.Arrays.fill(hb2, 0.0);
        java.util.Arrays.fill(hw3, 0.0);
        hb3 = 0.0;
        java.util.Arrays.fill(hctx, 0.0);
        for (int i = 0; i < in; i++) {
            ru[i] = 0.0;
        }
        for (int c = 0; c < ctx; c++) {
            ru[in + c] = v[oCtx + c];
        }
        double sum = 0;
        double scale = 2.0 / n;
        for (int p = 0; p < n; p++) {
            input(x, p);
            double yp = forward();
            // R-forward: R u = (0, v_ctx); rz1 becomes R a1, rz2 becomes R a2
            System.arraycopy(c1, 0, rz1, 0, h);
            for (int i = 0; i < d; i++) {
                axpy(u[i], v1[i], rz1);
                if (ru[i] != 0.0) {
                    axpy(ru[i], w1[i], rz1);
                }
            }
            for (int j = 0; j < h; j++) {
                rz1[j] = z1[j] > 0 ? rz1[j] : 0.0;
            }
            System.arraycopy(c2, 0, rz2, 0, h);
            axpyRows(act1, n1, a1, v2, rz2);
            axpyRows(act1, n1, rz1, w2, rz2);
            for (int j = 0; j < h; j++) {
                rz2[j] = z2[j] > 0 ? rz2[j] : 0.0;
            }
            double ry = d3 + dot(v3, a2) + dot(w3, rz2);
            double r = yp - y[p];
            sum += r * r;
            double e = scale * r;
            double re = scale * ry;
            backward(e, grad != null);
            // R-backward
            hb3 += re;
            axpy(re, a2, hw3);
            axpy(e, rz2, hw3);
            for (int j = 0; j < h; j++) {
                rdz2[j] = z2[j] > 0 ? re * w3[j] + e * v3[j] : 0.0;
            }
            axpy(1.0, rdz2, hb2);
            java.util.Arrays.fill(rda1, 0.0);
            axpyRows(act2, n2, dz2, v2t, rda1);
            axpyRows(act2, n2, rdz2, w2t, rda1);
            for (int t = 0; t < n1; t++) {
                int k = act1[t];
                axpy(rz1[k], dz2, hw2[k]);
                axpy(a1[k], rdz2, hw2[k]);
            }
            for (int k = 0; k < h; k++) {
                rdz1[k] = z1[k] > 0 ? rda1[k] : 0.0;
            }
            axpy(1.0, rdz1, hb1);
            for (int i = 0; i < d; i++) {
                axpy(u[i], rdz1, hw1[i]);
                if (ru[i] != 0.0) {
                    axpy(ru[i], dz1, hw1[i]);
                }
            }
            for (int c = 0; c < ctx; c++) {
                hctx[c] += dot(v1[in + c], dz1) + dot(w1[in + c], rdz1);
            }
        }
        if (grad != null) {
            pack(grad, gw1, gb1, gw2, gb2, gw3, gb3, gctx);
        }
        pack(hv, hw1, hb1, hw2, hb2, hw3, hb3, hctx);
        return sum / n;
    }

    /** The ReLU pattern of all hidden units at the {@code n} points (for tests: no unit switches in a step). */
    public boolean[] pattern(double[] theta, double[] x, int n) {
        load(theta);
        boolean[] on = new boolean[2 * h * n];
        for (int p = 0; p < n; p++) {
            input(x, p);
            forward();
            for (int j = 0; j < h; j++) {
                on[p * 2 * h + j] = z1[j] > 0;
                on[p * 2 * h + h + j] = z2[j] > 0;
            }
        }
        return on;
    }
}
