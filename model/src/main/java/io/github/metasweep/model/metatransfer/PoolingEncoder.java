package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;

/**
 * Pooling encoders over {@code h(x_i, y_i)} (an MLP {@code inputs + 1 -> w -> w -> w -> k}): {@code mean} (DeepSets),
 * {@code max} (PointNet, element-wise) and {@code transformer} (one attention layer on the h outputs: linear
 * query, key and value maps {@code k x k}, {@code o_i = sum_j softmax_j(q_i . kk_j / sqrt(k)) v_j}, z the mean of
 * the o_i).
 */
final class PoolingEncoder implements Encoder {
    enum Pooling {
        MEAN,
        MAX,
        TRANSFORMER
    }

    private final Pooling pooling;
    private final int k;
    private final DenseNet h;
    private final int attentionAt;
    private final int size;
    private DenseNet.BatchPass pass;
    private DenseNet.BatchPass maxPass;
    private double[] winners = new double[0];
    private final int inputWidth;
    private double[] in;
    private double[] dOuts = new double[0];
    private final double[] z;
    private int points;
    private int[] argmax;
    // attention state per point
    private double[][] q = new double[0][];
    private double[][] key = new double[0][];
    private double[][] v = new double[0][];
    private double[][] attention = new double[0][];

    PoolingEncoder(Pooling pooling, int inputs, int width, int k) {
        this.pooling = pooling;
        this.k = k;
        this.h = DenseNet.batched(inputs + 1, width, width, width, k);
        this.pass = h.newBatchPass(1);
        this.maxPass = h.newBatchPass(1);
        this.inputWidth = inputs + 1;
        this.in = new double[inputWidth];
        this.attentionAt = h.size();
        this.size = h.size() + (pooling == Pooling.TRANSFORMER ? 3 * k * k : 0);
        this.z = new double[k];
        this.argmax = new int[k];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int codeSize() {
        return k;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
        h.init(random, p, at);
        double bound = 1.0 / Math.sqrt(k);
        for (int i = at + attentionAt; i < at + size; i++) {
            p[i] = random.uniform(-bound, bound);
        }
    }

    private void ensure(int n) {
        if (pass.capacity() < n) {
            pass = h.newBatchPass(n);
            in = new double[n * inputWidth];
            maxPass = h.newBatchPass(Math.min(n, k));
            winners = new double[Math.min(n, k) * inputWidth];
            dOuts = new double[n * k];
            q = new double[n][k];
            key = new double[n][k];
            v = new double[n][k];
            attention = new double[n][n];
        }
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        points = task.supportCount();
        int dx = task.inputs;
        ensure(points);
        for (int i = 0; i < points; i++) { // one row (x_i, y_i) per support point, all through h at once
            System.arraycopy(task.supportX, i * dx, in, i * inputWidth, dx);
            in[i * inputWidth + dx] = task.supportY[i];
        }
        double[] e = h.forward(in, points, pass);
        java.util.Arrays.fill(z, pooling == Pooling.MAX ? Double.NEGATIVE_INFINITY : 0.0);
        switch (pooling) {
            case MEAN -> {
                for (int i = 0; i < points; i++) {
                    for (int j = 0; j < k; j++) {
                        z[j] += e[i * k + j] / points;
                    }
                }
            }
            case MAX -> {
                for (int i = 0; i < points; i++) {
                    for (int j = 0; j < k; j++) {
                        if (e[i * k + j] > z[j]) {
                            z[j] = e[i * k + j];
                            argmax[j] = i;
                        }
                    }
                }
            }
            case TRANSFORMER -> attend(p, at + attentionAt);
        }
        return z;
    }

    /** The k x k matrix {@code m} (0 query, 1 key, 2 value) applied to row {@code i} of e into out. */
    private void apply(double[] p, int w, int m, double[] e, int i, double[] out) {
        int base = w + m * k * k;
        for (int r = 0; r < k; r++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += p[base + r * k + c] * e[i * k + c];
            }
            out[r] = s;
        }
    }

    private void attend(double[] p, int w) {
        double scale = 1.0 / Math.sqrt(k);
        double[] e = pass.output();
        for (int i = 0; i < points; i++) {
            apply(p, w, 0, e, i, q[i]);
            apply(p, w, 1, e, i, key[i]);
            apply(p, w, 2, e, i, v[i]);
        }
        for (int i = 0; i < points; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < points; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += q[i][c] * key[j][c];
                }
                attention[i][j] = s * scale;
                max = Math.max(max, attention[i][j]);
            }
            double total = 0;
            for (int j = 0; j < points; j++) {
                attention[i][j] = Math.exp(attention[i][j] - max);
                total += attention[i][j];
            }
            for (int j = 0; j < points; j++) {
                attention[i][j] /= total;
                for (int c = 0; c < k; c++) {
                    z[c] += attention[i][j] * v[j][c] / points;
                }
            }
        }
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
        switch (pooling) {
            case MEAN -> {
                for (int i = 0; i < points; i++) {
                    for (int j = 0; j < k; j++) {
                        dOuts[i * k + j] = dz[j] / points;
                    }
                }
                h.backward(pass, points, dOuts, null);
            }
            case MAX -> {
                // only the points some output's maximum came from get a gradient: those again, as a smaller batch
                int count = 0;
                for (int i = 0; i < points; i++) {
                    boolean any = false;
                    for (int j = 0; j < k; j++) {
                        dOuts[count * k + j] = argmax[j] == i ? dz[j] : 0;
                        any |= argmax[j] == i;
                    }
                    if (any) {
                        System.arraycopy(in, i * inputWidth, winners, count * inputWidth, inputWidth);
                        count++;
                    }
                }
                h.forward(winners, count, maxPass);
                h.backward(maxPass, count, dOuts, null);
            }
            case TRANSFORMER -> backAttend(p, at, dz, grad);
        }
    }

    @Override
    public void load(double[] p, int at) {
        h.load(p, at);
    }

    @Override
    public void flushGradient(double[] grad, int at) {
        h.flushGradient(grad, at);
    }

    private void backAttend(double[] p, int at, double[] dz, double[] grad) {
        int w = at + attentionAt;
        double scale = 1.0 / Math.sqrt(k);
        double[][] dq = new double[points][k];
        double[][] dk = new double[points][k];
        double[][] dv = new double[points][k];
        double[] da = new double[points];
        for (int i = 0; i < points; i++) {
            // z = (1/n) sum_i sum_j a_ij v_j
            double dot = 0;
            for (int j = 0; j < points; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += dz[c] * v[j][c];
                    dv[j][c] += attention[i][j] * dz[c] / points;
                }
                da[j] = s / points;
                dot += attention[i][j] * da[j];
            }
            for (int j = 0; j < points; j++) {
                double ds = attention[i][j] * (da[j] - dot) * scale; // softmax, then the 1/sqrt(k) scale
                for (int c = 0; c < k; c++) {
                    dq[i][c] += ds * key[j][c];
                    dk[j][c] += ds * q[i][c];
                }
            }
        }
        double[] e = pass.output();
        java.util.Arrays.fill(dOuts, 0, points * k, 0.0);
        for (int i = 0; i < points; i++) {
            double[][] byMatrix = {dq[i], dk[i], dv[i]};
            for (int m = 0; m < 3; m++) {
                int base = w + m * k * k;
                for (int r = 0; r < k; r++) {
                    double d = byMatrix[m][r];
                    for (int c = 0; c < k; c++) {
                        grad[base + r * k + c] += d * e[i * k + c];
                        dOuts[i * k + c] += p[base + r * k + c] * d;
                    }
                }
            }
        }
        h.backward(pass, points, dOuts, null);
    }
}
