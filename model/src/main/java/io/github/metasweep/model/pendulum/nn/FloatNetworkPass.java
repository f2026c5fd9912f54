package io.github.metasweep.model.pendulum.nn;

import io.github.metasweep.model.core.nn.Gemm;

/**
 * {@link PolicyValueLoss}'s float32 forward and backward of one 2-h-h-1 network on plain arrays: the six batch
 * products on {@link Gemm}, the element-wise steps (bias, ReLU, gates, head, masks) fused into loops over the same
 * arrays, so an update makes no native call. The same equations as the ND4J float64 path, which a test holds it to.
 * Not thread-safe: the scratch arrays are reused.
 */
final class FloatNetworkPass {
    private final ParameterLayout layout;
    private final int h;
    private final float[] ones;
    private int capacity;
    private float[] a1;
    private float[] h1;
    private float[] a2;
    private float[] h2;
    private float[] d2;
    private float[] d1;
    private float[] head;
    private float[] ra1;
    private float[] ra2;
    private float[] rd2;
    private float[] rHead;

    FloatNetworkPass(ParameterLayout layout, int hidden) {
        this.layout = layout;
        this.h = hidden;
        this.ones = new float[hidden];
        java.util.Arrays.fill(ones, 1f);
    }

    private void ensure(int n) {
        if (n > capacity) {
            capacity = n;
            a1 = new float[n * h];
            h1 = new float[n * h];
            a2 = new float[n * h];
            h2 = new float[n * h];
            d2 = new float[n * h];
            d1 = new float[n * h];
            head = new float[n];
            ra1 = new float[n * h];
            ra2 = new float[n * h];
            rd2 = new float[n * h];
            rHead = new float[n];
        }
    }

    /**
     * mean((out - y)^2) of network {@code net} ("pi" or "v") on {@code n} rows of {@code x} (2 per row); writes its
     * parameter gradient into {@code grad} and, when {@code gates} is not null, each gated layer's gradient with
     * respect to its per-unit gates into {@code dGate}. Head: {@code 2 tanh} when {@code tanhHead}, else identity.
     */
    double lossAndGradient(String net, double[] p, int n, float[] x, float[] y, Gates gates, boolean tanhHead,
                           double[] grad, double[][] dGate) {
        ensure(n);
        float[] w1 = values(p, net + ".w1");
        float[] w2 = values(p, net + ".w2");
        float[] w3 = values(p, net + ".w3");
        float[] g0 = gates == null ? null : floats(gates.gate(0));
        float[] g1 = gates == null ? null : floats(gates.gate(1));
        // forward: a = relu(b + x W), h = a * gate
        float[] in1 = hidden(x, NetworkShape.STATE_DIM, w1, values(p, net + ".b1"), n, a1, g0, h1);
        float[] in2 = hidden(in1, h, w2, values(p, net + ".b2"), n, a2, g1, h2);
        float b3 = (float) p[layout.get(net + ".b3").offset()];
        java.util.Arrays.fill(head, 0, n, b3);
        Gemm.multiply(in2, h, 1, w3, head, n, h, 1, true);
        // the head and the loss; head[r] becomes dLoss/dz3 of row r
        double loss = 0;
        float scale = 2f / n;
        for (int r = 0; r < n; r++) {
            if (tanhHead) {
                float t = (float) Math.tanh(head[r]);
                float diff = 2f * t - y[r];
                loss += (double) diff * diff;
                head[r] = diff * scale * (2f * (1f - t * t)); // d(2 tanh z)/dz = 2 (1 - tanh^2 z)
            } else {
                float diff = head[r] - y[r];
                loss += (double) diff * diff;
                head[r] = diff * scale;
            }
        }
        // the output layer: dW3 = h2^T d3 (as the 1 x h product d3^T h2), db3, dH2 = d3 w3^T
        float[] gw3 = new float[h];
        Gemm.multiply(head, n, 1, in2, gw3, 1, n, h, false);
        put(grad, net + ".w3", gw3);
        double db3 = 0;
        for (int r = 0; r < n; r++) {
            db3 += head[r];
        }
        grad[layout.get(net + ".b3").offset()] = db3;
        Gemm.multiply(head, 1, 1, w3, d2, n, 1, h, false);
        double[] db2 = backThroughHidden(d2, a2, g1, n, dGate, 1);
        // the second layer: dW2 = h1^T d2, db2, dH1 = d2 W2^T
        float[] gw2 = new float[h * h];
        Gemm.multiply(in1, 1, h, d2, gw2, h, n, h, false);
        put(grad, net + ".w2", gw2);
        put(grad, net + ".b2", db2);
        Gemm.multiply(d2, h, 1, transpose(w2), d1, n, h, h, false);
        double[] db1 = backThroughHidden(d1, a1, g0, n, dGate, 0);
        // the first layer: dW1 = x^T d1, db1
        float[] gw1 = new float[NetworkShape.STATE_DIM * h];
        Gemm.multiply(x, 1, NetworkShape.STATE_DIM, d1, gw1, NetworkShape.STATE_DIM, n, h, false);
        put(grad, net + ".w1", gw1);
        put(grad, net + ".b1", db1);
        return loss / n;
    }

    /**
     * Adds this plain network's part of the exact Hessian-vector product {@code H(p) v} into {@code hv}, each ReLU's
     * pattern held at p: Pearlmutter's R-operator as {@link PolicyValueLoss#hessianVector} states it, with
     * {@code R{.} = d/dr (.)(p + r v)}: {@code Ra1 = m1 (x V1 + c1)}, {@code Ra2 = m2 (Ra1 W2 + a1 V2 + c2)},
     * {@code Rz3 = Ra2 w3 + a2 v3 + c3}, {@code Rd3 = (2/n) Rz3 (f'^2 + (f - y) f'')}, {@code d2 = m2 (d3 w3^T)},
     * {@code Rd2 = m2 (Rd3 w3^T + d3 v3^T)}, {@code Rd1 = m1 (Rd2 W2^T + d2 V2^T)}; then
     * {@code H v = (x^T Rd1, sum Rd1; Ra1^T d2 + a1^T Rd2, sum Rd2; Ra2^T d3 + a2^T Rd3, sum Rd3)}.
     */
    void hessianVector(String net, double[] p, double[] v, int n, float[] x, float[] y, boolean tanhHead,
                       double[] hv) {
        ensure(n);
        int dim = NetworkShape.STATE_DIM;
        float[] w2 = values(p, net + ".w2");
        float[] w3 = values(p, net + ".w3");
        float[] v2 = values(v, net + ".w2");
        float[] v3 = values(v, net + ".w3");
        // forward at p and its directional derivative along v, masked by p's activation pattern
        hidden(x, dim, values(p, net + ".w1"), values(p, net + ".b1"), n, a1, null, null);
        affine(x, dim, values(v, net + ".w1"), values(v, net + ".b1"), n, ra1);
        mask(ra1, a1, n);
        hidden(a1, h, w2, values(p, net + ".b2"), n, a2, null, null);
        affine(a1, h, v2, values(v, net + ".b2"), n, ra2);
        Gemm.multiply(ra1, h, 1, w2, ra2, n, h, h, true);
        mask(ra2, a2, n);
        java.util.Arrays.fill(head, 0, n, (float) p[layout.get(net + ".b3").offset()]);
        Gemm.multiply(a2, h, 1, w3, head, n, h, 1, true);
        java.util.Arrays.fill(rHead, 0, n, (float) v[layout.get(net + ".b3").offset()]);
        Gemm.multiply(ra2, h, 1, w3, rHead, n, h, 1, true);
        Gemm.multiply(a2, h, 1, v3, rHead, n, h, 1, true);
        // the head: head[r] becomes d3, rHead[r] becomes Rd3
        double rb3 = 0;
        for (int r = 0; r < n; r++) {
            double d3 = LossHead.delta(head[r], y[r], n, tanhHead);
            double rd3 = LossHead.rDelta(head[r], rHead[r], y[r], n, tanhHead);
            head[r] = (float) d3;
            rHead[r] = (float) rd3;
            rb3 += rHead[r];
        }
        float[] hw3 = new float[h];
        Gemm.multiply(head, n, 1, ra2, hw3, 1, n, h, false);
        Gemm.multiply(rHead, n, 1, a2, hw3, 1, n, h, true);
        add(hv, net + ".w3", hw3);
        hv[layout.get(net + ".b3").offset()] += rb3;
        // the second layer
        Gemm.multiply(head, 1, 1, w3, d2, n, 1, h, false);
        mask(d2, a2, n);
        Gemm.multiply(rHead, 1, 1, w3, rd2, n, 1, h, false);
        Gemm.multiply(head, 1, 1, v3, rd2, n, 1, h, true);
        mask(rd2, a2, n);
        float[] hw2 = new float[h * h];
        Gemm.multiply(ra1, 1, h, d2, hw2, h, n, h, false);
        Gemm.multiply(a1, 1, h, rd2, hw2, h, n, h, true);
        add(hv, net + ".w2", hw2);
        add(hv, net + ".b2", columnSums(rd2, n));
        // the first layer
        Gemm.multiply(rd2, h, 1, transpose(w2), d1, n, h, h, false);
        Gemm.multiply(d2, h, 1, transpose(v2), d1, n, h, h, true);
        mask(d1, a1, n);
        float[] hw1 = new float[dim * h];
        Gemm.multiply(x, 1, dim, d1, hw1, dim, n, h, false);
        add(hv, net + ".w1", hw1);
        add(hv, net + ".b1", columnSums(d1, n));
    }

    /** {@code out = b + in W} (no activation). */
    private void affine(float[] in, int width, float[] w, float[] b, int n, float[] out) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(b, 0, out, r * h, h);
        }
        Gemm.multiply(in, width, 1, w, out, n, width, h, true);
    }

    /** Zeroes {@code d} wherever the unit's activation {@code a} is off. */
    private void mask(float[] d, float[] a, int n) {
        for (int i = 0; i < n * h; i++) {
            if (!(a[i] > 0f)) {
                d[i] = 0f;
            }
        }
    }

    /** {@code a = relu(b + in W)} into {@code a}; returns {@code a * gate} (into {@code gated}) or {@code a}. */
    private float[] hidden(float[] in, int width, float[] w, float[] b, int n, float[] a, float[] gate, float[] gated) {
        affine(in, width, w, b, n, a);
        for (int i = 0; i < n * h; i++) {
            a[i] = Math.max(a[i], 0f);
        }
        if (gate == null) {
            return a;
        }
        for (int r = 0; r < n; r++) {
            int o = r * h;
            for (int j = 0; j < h; j++) {
                gated[o + j] = a[o + j] * gate[j];
            }
        }
        return gated;
    }

    /**
     * Turns {@code d}, the gradient with respect to a hidden layer's output h = a * gate, into the gradient with
     * respect to its pre-activation, {@code d * gate * [a > 0]}; records {@code sum_rows d * a} as the gate gradient
     * of {@code layer} (when gated) and returns the column sums of the result (the bias gradient).
     */
    private double[] backThroughHidden(float[] d, float[] a, float[] gate, int n, double[][] dGate, int layer) {
        float[] gateGrad = new float[h];
        float[] biasGrad = new float[h];
        Gemm.reluGateBackward(d, a, gate == null ? ones : gate, n, h, gateGrad, biasGrad);
        if (gate != null) {
            dGate[layer] = doubles(gateGrad);
        }
        return doubles(biasGrad);
    }

    private static double[] doubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private double[] columnSums(float[] d, int n) {
        double[] s = new double[h];
        for (int r = 0; r < n; r++) {
            int o = r * h;
            for (int j = 0; j < h; j++) {
                s[j] += d[o + j];
            }
        }
        return s;
    }

    private float[] transpose(float[] w) {
        float[] t = new float[h * h];
        for (int i = 0; i < h; i++) {
            for (int o = 0; o < h; o++) {
                t[o * h + i] = w[i * h + o];
            }
        }
        return t;
    }

    private float[] values(double[] p, String name) {
        Segment s = layout.get(name);
        return floats(p, s.offset(), s.size());
    }

    private static float[] floats(double[] values) {
        return floats(values, 0, values.length);
    }

    private static float[] floats(double[] values, int from, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) values[from + i];
        }
        return v;
    }

    private void put(double[] grad, String name, float[] value) {
        Segment s = layout.get(name);
        for (int i = 0; i < value.length; i++) {
            grad[s.offset() + i] = value[i];
        }
    }

    private void add(double[] hv, String name, float[] value) {
        int at = layout.get(name).offset();
        for (int i = 0; i < value.length; i++) {
            hv[at + i] += value[i];
        }
    }

    private void add(double[] hv, String name, double[] value) {
        int at = layout.get(name).offset();
        for (int i = 0; i < value.length; i++) {
            hv[at + i] += value[i];
        }
    }

    private void put(double[] grad, String name, double[] value) {
        System.arraycopy(value, 0, grad, layout.get(name).offset(), value.length);
    }
}
