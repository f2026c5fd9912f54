package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;
import io.github.metasweep.model.core.nn.Gemm;
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
    // batch passes: the support points' embeddings and values, the query points' embeddings and readouts
    private DenseNet.BatchPass supportEmbed;
    private DenseNet.BatchPass supportValue;
    private DenseNet.BatchPass queryEmbed;
    private DenseNet.BatchPass read;
    private double[] supportXY = new double[0];

    DeepKernel(int inputs, int queryInputs, int width, double temperature, QueryHead head) {
        this.inputs = inputs;
        this.queryInputs = queryInputs;
        this.head = head;
        this.width = width;
        this.temperature = temperature;
        this.embed = DenseNet.batched(inputs, width, width);
        this.embedQuery = queryInputs == inputs ? embed : DenseNet.batched(queryInputs, width, width);
        this.value = DenseNet.batched(inputs + 1, width, width);
        this.readout = DenseNet.batched(width, width, head.outputs());
        this.supportEmbed = embed.newBatchPass(1);
        this.supportValue = value.newBatchPass(1);
        this.queryEmbed = embedQuery.newBatchPass(1);
        this.read = readout.newBatchPass(1);
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

    /** One task's forward pass over all its points at once: the support and query embeddings, kernel, readout. */
    private final class Forward {
        final int n;
        final int m;
        final double[] es;
        final double[] values;
        final double[] ex;
        final double[] kernel;
        final double[] out;

        Forward(TransferTask task) {
            n = task.supportCount();
            m = task.queryCount();
            if (supportEmbed.capacity() < n) {
                supportEmbed = embed.newBatchPass(n);
                supportValue = value.newBatchPass(n);
                supportXY = new double[n * (inputs + 1)];
            }
            if (queryEmbed.capacity() < m) {
                queryEmbed = embedQuery.newBatchPass(m);
                read = readout.newBatchPass(m);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(task.supportX, i * inputs, supportXY, i * (inputs + 1), inputs);
                supportXY[i * (inputs + 1) + inputs] = task.supportY[i];
            }
            es = embed.forward(task.supportX, n, supportEmbed);
            values = value.forward(supportXY, n, supportValue);
            ex = embedQuery.forward(task.queryX, m, queryEmbed);
            // k(x_q, x_i) from the embeddings' differences (not the expanded squares, which cancel when close)
            double[] esT = new double[width * n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < width; c++) {
                    esT[c * n + i] = es[i * width + c];
                }
            }
            kernel = new double[m * n];
            Gemm.squaredDistances(ex, m, esT, n, width, kernel);
            for (int j = 0; j < m * n; j++) {
                kernel[j] = Math.exp(-kernel[j] / (2 * temperature));
            }
            double[] rep = new double[m * width]; // sum_i k(x_q, x_i) r_i, one row per query point
            Gemm.multiply(kernel, n, 1, values, rep, m, n, width, false);
            out = readout.forward(rep, m, read);
        }
    }

    @Override
    public void predict(double[] p, TransferTask task, double[] out) {
        load(p);
        Forward f = new Forward(task);
        System.arraycopy(f.out, 0, out, 0, f.m * head.outputs());
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
        Forward f = new Forward(task);
        int n = f.n;
        int m = f.m;
        int o = head.outputs();
        double[] row = new double[o];
        double[] dOut = new double[o];
        double[] dOuts = new double[m * o];
        double loss = 0;
        for (int q = 0; q < m; q++) {
            System.arraycopy(f.out, q * o, row, 0, o);
            loss += head.loss(row, task.queryY[q], dOut) / m;
            for (int a = 0; a < o; a++) {
                dOuts[q * o + a] = dOut[a] / m;
            }
        }
        double[] dRep = new double[m * width];
        readout.backward(read, m, dOuts, dRep);
        // dK = dRep R^T, dR = K^T dRep
        double[] valuesT = new double[width * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < width; c++) {
                valuesT[c * n + i] = f.values[i * width + c];
            }
        }
        double[] dd2 = new double[m * n];
        Gemm.multiply(dRep, width, 1, valuesT, dd2, m, width, n, false);
        double[] dR = new double[n * width];
        Gemm.multiply(f.kernel, 1, n, dRep, dR, n, m, width, false);
        // through the RBF: d loss / d (squared distance) = -dK k / (2 T)
        double[] rowSum = new double[m];
        double[] colSum = new double[n];
        for (int q = 0; q < m; q++) {
            for (int i = 0; i < n; i++) {
                double d = -dd2[q * n + i] * f.kernel[q * n + i] / (2 * temperature);
                dd2[q * n + i] = d;
                rowSum[q] += d;
                colSum[i] += d;
            }
        }
        // dEx_q = 2 (ex_q sum_i dd2_qi - sum_i dd2_qi es_i), dEs_i = 2 (es_i sum_q dd2_qi - sum_q dd2_qi ex_q)
        double[] dEx = new double[m * width];
        Gemm.multiply(dd2, n, 1, f.es, dEx, m, n, width, false);
        for (int q = 0; q < m; q++) {
            for (int c = 0; c < width; c++) {
                dEx[q * width + c] = 2 * (f.ex[q * width + c] * rowSum[q] - dEx[q * width + c]);
            }
        }
        double[] dEs = new double[n * width];
        Gemm.multiply(dd2, 1, n, f.ex, dEs, n, m, width, false);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < width; c++) {
                dEs[i * width + c] = 2 * (f.es[i * width + c] * colSum[i] - dEs[i * width + c]);
            }
        }
        embedQuery.backward(queryEmbed, m, dEx, null);
        embed.backward(supportEmbed, n, dEs, null);
        value.backward(supportValue, n, dR, null);
        return loss;
    }
}
