package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;
import java.util.List;

/**
 * The {@code deep-kernel} method (MetaFun-style, no decoder): {@code out(x) = w(sum_i k(x, x_i) r(x_i, y_i))} with
 * embeddings {@code e: inputs -> w -> w}, values {@code r: inputs + 1 -> w -> w}, readout
 * {@code w: w -> w -> outputs}, and the RBF kernel {@code k(x, x') = exp(-||e(x) - e(x')||^2 / (2 T))} on the
 * embeddings (temperature T). When the query points come from another domain than the support (other features),
 * they have their own embedding network into the same space.
 */
final class DeepKernel implements TaskModel {
    private final int inputs;
    private final QueryHead head;
    private final DenseNet embed;
    private final DenseNet embedQuery;
    private final int queryInputs;
    private final DenseNet value;
    private final DenseNet readout;
    private final int width;
    private final double temperature;
    private final DenseNet.Pass queryPass;
    private final DenseNet.Pass readPass;
    private DenseNet.Pass[] supportEmbed = new DenseNet.Pass[0];
    private DenseNet.Pass[] supportValue = new DenseNet.Pass[0];

    DeepKernel(int inputs, int queryInputs, int width, double temperature, QueryHead head) {
        this.inputs = inputs;
        this.queryInputs = queryInputs;
        this.head = head;
        this.width = width;
        this.temperature = temperature;
        this.embed = new DenseNet(inputs, width, width);
        this.embedQuery = queryInputs == inputs ? embed : new DenseNet(queryInputs, width, width);
        this.value = new DenseNet(inputs + 1, width, width);
        this.readout = new DenseNet(width, width, head.outputs());
        this.queryPass = embedQuery.newPass();
        this.readPass = readout.newPass();
    }

    private int valueAt() {
        return embed.size();
    }

    private int readoutAt() {
        return embed.size() + value.size();
    }

    /** Where the query embedding's parameters start: the support embedding's own when the domains agree. */
    private int queryEmbedAt() {
        return embedQuery == embed ? 0 : readoutAt() + readout.size();
    }

    @Override
    public int size() {
        return embed.size() + value.size() + readout.size() + (embedQuery == embed ? 0 : embedQuery.size());
    }

    @Override
    public int outputs() {
        return head.outputs();
    }

    @Override
    public double[] init(GaussianStream random) {
        double[] p = new double[size()];
        embed.init(random, p, 0);
        value.init(random, p, valueAt());
        readout.init(random, p, readoutAt());
        if (embedQuery != embed) {
            embedQuery.init(random, p, queryEmbedAt());
        }
        return p;
    }

    private void load(double[] p) {
        embed.load(p, 0);
        value.load(p, valueAt());
        readout.load(p, readoutAt());
        if (embedQuery != embed) {
            embedQuery.load(p, queryEmbedAt());
        }
    }

    /** The support points' embeddings and values (after {@link #load}). */
    private void encodeSupport(double[] p, TransferTask task) {
        int n = task.supportCount();
        if (supportEmbed.length < n) {
            supportEmbed = new DenseNet.Pass[n];
            supportValue = new DenseNet.Pass[n];
            for (int i = 0; i < n; i++) {
                supportEmbed[i] = embed.newPass();
                supportValue[i] = value.newPass();
            }
        }
        double[] x = new double[inputs];
        double[] xy = new double[inputs + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(task.supportX, i * inputs, x, 0, inputs);
            System.arraycopy(x, 0, xy, 0, inputs);
            xy[inputs] = task.supportY[i];
            embed.forward(x, null, supportEmbed[i]);
            value.forward(xy, null, supportValue[i]);
        }
    }

    /** Kernel weights of query point q against every support point into kernel; the representation into rep. */
    private void represent(double[] p, TransferTask task, int q, double[] kernel, double[] rep) {
        double[] x = java.util.Arrays.copyOfRange(task.queryX, q * queryInputs, (q + 1) * queryInputs);
        double[] ex = embedQuery.forward(x, null, queryPass);
        java.util.Arrays.fill(rep, 0.0);
        for (int i = 0; i < task.supportCount(); i++) {
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
    public void predict(double[] p, TransferTask task, double[] out) {
        load(p);
        encodeSupport(p, task);
        double[] kernel = new double[task.supportCount()];
        double[] rep = new double[width];
        int o = head.outputs();
        for (int q = 0; q < task.queryCount(); q++) {
            represent(p, task, q, kernel, rep);
            System.arraycopy(readout.forward(rep, null, readPass), 0, out, q * o, o);
        }
    }

    @Override
    public double lossAndGradient(double[] p, List<TransferTask> batch, double[] grad) {
        load(p);
        double loss = 0;
        for (TransferTask task : batch) {
            loss += taskLossAndGradient(p, task);
        }
        embed.flushGradient(grad, 0);
        value.flushGradient(grad, valueAt());
        readout.flushGradient(grad, readoutAt());
        if (embedQuery != embed) {
            embedQuery.flushGradient(grad, queryEmbedAt());
        }
        return loss;
    }

    /** One task's mean query loss; its gradient gathered in the networks. */
    private double taskLossAndGradient(double[] p, TransferTask task) {
        int n = task.supportCount();
        int m = task.queryCount();
        encodeSupport(p, task);
        double[] kernel = new double[n];
        double[] rep = new double[width];
        double[] dRep = new double[width];
        double[] dEx = new double[width];
        double[][] dEs = new double[n][width];
        double[][] dR = new double[n][width];
        double[] dOut = new double[head.outputs()];
        double loss = 0;
        for (int q = 0; q < m; q++) {
            represent(p, task, q, kernel, rep);
            loss += head.loss(readout.forward(rep, null, readPass), task.queryY[q], dOut) / m;
            for (int a = 0; a < dOut.length; a++) {
                dOut[a] /= m;
            }
            readout.backward(readPass, dOut, null, true, dRep, null);
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
                double dd2 = -dk * kernel[i] / (2 * temperature); // d loss / d (squared distance)
                for (int c = 0; c < width; c++) {
                    double diff = 2 * (ex[c] - es[c]) * dd2;
                    dEx[c] += diff;
                    dEs[i][c] -= diff;
                }
            }
            embedQuery.backward(queryPass, dEx, null, true, null, null);
        }
        for (int i = 0; i < n; i++) {
            embed.backward(supportEmbed[i], dEs[i], null, true, null, null);
            value.backward(supportValue[i], dR[i], null, true, null, null);
        }
        return loss;
    }
}
