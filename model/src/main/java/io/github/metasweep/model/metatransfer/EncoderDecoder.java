package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;
import java.util.List;

/**
 * Algorithm 1 of the paper: an {@link Encoder} turns the support set into a code z, a shared decoder (an MLP
 * {@code k -> hidden -> |psi|}) maps z to the weights psi of the query network {@code g_psi} (query inputs-h-h-outputs
 * ReLU), whose mean query loss trains everything end to end. The decoder's output bias starts at a standard
 * initialisation of g and its output weights at a tenth of theirs, so at the start every code gives a usable,
 * slightly different g.
 */
final class EncoderDecoder implements TaskModel {
    static final double OUTPUT_WEIGHT_SCALE = 0.1;

    private final Encoder encoder;
    private final DenseNet decoder;
    private final DenseNet query;
    private final QueryHead head;
    private final DenseNet.Pass pass;
    private final DenseNet.Pass queryPass;
    private final double[] dPsi;
    private final double[] dz;
    private final double[] in;
    private final double[] dOut;

    EncoderDecoder(Encoder encoder, int decoderHidden, int queryInputs, int queryHidden, QueryHead head) {
        this.encoder = encoder;
        this.head = head;
        this.query = new DenseNet(queryInputs, queryHidden, queryHidden, head.outputs());
        this.decoder = new DenseNet(encoder.codeSize(), decoderHidden, query.size());
        this.pass = decoder.newPass();
        this.queryPass = query.newPass();
        this.dPsi = new double[query.size()];
        this.dz = new double[encoder.codeSize()];
        this.in = new double[queryInputs];
        this.dOut = new double[head.outputs()];
    }

    @Override
    public int size() {
        return encoder.size() + decoder.size();
    }

    @Override
    public int outputs() {
        return head.outputs();
    }

    @Override
    public double[] init(GaussianStream random) {
        double[] p = new double[size()];
        encoder.init(random, p, 0);
        int at = encoder.size();
        decoder.init(random, p, at);
        for (int i = at + decoder.outputWeightsAt(); i < at + decoder.outputBiasAt(); i++) {
            p[i] *= OUTPUT_WEIGHT_SCALE;
        }
        query.init(random, p, at + decoder.outputBiasAt());
        return p;
    }

    private void load(double[] p) {
        encoder.load(p, 0);
        decoder.load(p, encoder.size());
    }

    /** The query network's weights for the task, loaded into it (after {@link #load}). */
    private double[] psi(double[] p, TransferTask task) {
        double[] z = encoder.encode(p, 0, task);
        double[] psi = decoder.forward(z, null, pass);
        query.load(psi, 0);
        return psi;
    }

    private double[] queryOutput(TransferTask task, int q) {
        System.arraycopy(task.queryX, q * in.length, in, 0, in.length);
        return query.forward(in, null, queryPass);
    }

    @Override
    public void predict(double[] p, TransferTask task, double[] out) {
        load(p);
        psi(p, task);
        int o = head.outputs();
        for (int q = 0; q < task.queryCount(); q++) {
            System.arraycopy(queryOutput(task, q), 0, out, q * o, o);
        }
    }

    @Override
    public double lossAndGradient(double[] p, List<TransferTask> batch, double[] grad) {
        load(p);
        double loss = 0;
        for (TransferTask task : batch) {
            loss += taskLossAndGradient(p, task, grad);
        }
        decoder.flushGradient(grad, encoder.size());
        encoder.flushGradient(grad, 0);
        return loss;
    }

    /** One task's mean query loss; its gradient gathered in the networks (the encoder may add part into grad). */
    private double taskLossAndGradient(double[] p, TransferTask task, double[] grad) {
        psi(p, task);
        int m = task.queryCount();
        double loss = 0;
        for (int q = 0; q < m; q++) {
            loss += head.loss(queryOutput(task, q), task.queryY[q], dOut) / m;
            for (int a = 0; a < dOut.length; a++) {
                dOut[a] /= m;
            }
            query.backward(queryPass, dOut, null, true, null, null);
        }
        java.util.Arrays.fill(dPsi, 0.0);
        query.flushGradient(dPsi, 0);
        decoder.backward(pass, dPsi, null, true, dz, null);
        encoder.backward(p, 0, dz, grad);
        return loss;
    }
}
