package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The {@code deep-kernel} method (MetaFun-style, no decoder): {@code y(x) = w(sum_i k(x, x_i) r(x_i, y_i))} with
 * embeddings {@code e: 1 -> w -> w}, values {@code r: 2 -> w -> w}, readout {@code w: w -> w -> 1}, and the RBF
 * kernel {@code k(x, x') = exp(-||e(x) - e(x')||^2 / (2 T))} on the embeddings (temperature T).
 */
final class DeepKernel implements TaskModel {
    private final DenseNet embed;
    private final DenseNet value;
    private final DenseNet readout;
    private final int width;
    private final double temperature;
    private final DenseNet.Pass queryPass;
    private final DenseNet.Pass readPass;
    private DenseNet.Pass[] supportEmbed = new DenseNet.Pass[0];
    private DenseNet.Pass[] supportValue = new DenseNet.Pass[0];

    DeepKernel(int width, double temperature) {
        this.width = width;
        this.temperature = temperature;
        this.embed = new DenseNet(1, width, width);
        this.value = new DenseNet(2, width, width);
        this.readout = new DenseNet(width, width, 1);
        this.queryPass = embed.newPass();
        this.readPass = readout.newPass();
    }

    private int valueAt() {
        return embed.size();
    }

    private int readoutAt() {
        return embed.size() + value.size();
    }

    @Override
    public int size() {
        return embed.size() + value.size() + readout.size();
    }

    @Override
    public double[] init(GaussianStream random) {
        double[] p = new double[size()];
        embed.init(random, p, 0);
        value.init(random, p, valueAt());
        readout.init(random, p, readoutAt());
        return p;
    }

    private void encodeSupport(double[] p, CosSinTask task) {
        int n = task.supportX.length;
        if (supportEmbed.length < n) {
            supportEmbed = new DenseNet.Pass[n];
            supportValue = new DenseNet.Pass[n];
            for (int i = 0; i < n; i++) {
                supportEmbed[i] = embed.newPass();
                supportValue[i] = value.newPass();
            }
        }
        for (int i = 0; i < n; i++) {
            embed.forward(p, 0, new double[] {task.supportX[i]}, null, supportEmbed[i]);
            value.forward(p, valueAt(), new double[] {task.supportX[i], task.supportY[i]}, null, supportValue[i]);
        }
    }

    /** Kernel weights of query x against every support point into kernel; the representation into rep. */
    private void represent(double[] p, double x, int n, double[] kernel, double[] rep) {
        double[] ex = embed.forward(p, 0, new double[] {x}, null, queryPass);
        java.util.Arrays.fill(rep, 0.0);
        for (int i = 0; i < n; i++) {
            double[] es = supportEmbed[i].output();
            double d2 = 0;
            for (int c = 0; c < width; c++) {
                double diff = ex[c] - es[c];
                d2 += diff * diff;
            }
            kernel[i] = Math.exp(-d2 / (2 * temperature));
            double[] r = supportValue[i].output();
            for (int c = 0; c < width; c++) {
                rep[c] += kernel[i] * r[c];
            }
        }
    }

    @Override
    public void predict(double[] p, CosSinTask task, double[] out) {
        int n = task.supportX.length;
        encodeSupport(p, task);
        double[] kernel = new double[n];
        double[] rep = new double[width];
        for (int q = 0; q < task.queryX.length; q++) {
            represent(p, task.queryX[q], n, kernel, rep);
            out[q] = readout.forward(p, readoutAt(), rep, null, readPass)[0];
        }
    }

    @Override
    public double lossAndGradient(double[] p, CosSinTask task, double[] grad) {
        int n = task.supportX.length;
        int m = task.queryX.length;
        encodeSupport(p, task);
        double[] kernel = new double[n];
        double[] rep = new double[width];
        double[] dRep = new double[width];
        double[] dEx = new double[width];
        double[][] dEs = new double[n][width];
        double[][] dR = new double[n][width];
        double[] dOut = new double[1];
        double loss = 0;
        for (int q = 0; q < m; q++) {
            represent(p, task.queryX[q], n, kernel, rep);
            double r = readout.forward(p, readoutAt(), rep, null, readPass)[0] - task.queryY[q];
            loss += r * r / m;
            dOut[0] = 2 * r / m;
            readout.backward(p, readoutAt(), readPass, dOut, null, grad, readoutAt(), dRep, null);
            double[] ex = queryPass.output();
            java.util.Arrays.fill(dEx, 0.0);
            for (int i = 0; i < n; i++) {
                double[] values = supportValue[i].output();
                double[] es = supportEmbed[i].output();
                double dk = 0;
                for (int c = 0; c < width; c++) {
                    dk += dRep[c] * values[c];
                    dR[i][c] += kernel[i] * dRep[c];
                }
                double dd2 = -dk * kernel[i] / (2 * temperature); // d kernel / d (squared distance)
                for (int c = 0; c < width; c++) {
                    double diff = 2 * (ex[c] - es[c]) * dd2;
                    dEx[c] += diff;
                    dEs[i][c] -= diff;
                }
            }
            embed.backward(p, 0, queryPass, dEx, null, grad, 0, null, null);
        }
        for (int i = 0; i < n; i++) {
            embed.backward(p, 0, supportEmbed[i], dEs[i], null, grad, 0, null, null);
            value.backward(p, valueAt(), supportValue[i], dR[i], null, grad, valueAt(), null, null);
        }
        return loss;
    }
}
