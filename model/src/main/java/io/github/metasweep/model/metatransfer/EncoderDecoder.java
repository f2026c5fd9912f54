package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.Mlp;

/**
 * Algorithm 1 of the paper: an {@link Encoder} turns the support set into a code z, a shared decoder (an MLP
 * {@code k -> hidden -> |psi|}) maps z to the weights psi of the query network {@code g_psi} (1-h-h-1 ReLU), whose
 * query MSE trains everything end to end. The decoder's output bias starts at a standard initialisation of g and
 * its output weights at a tenth of theirs, so at the start every code gives a usable, slightly different g.
 */
final class EncoderDecoder implements TaskModel {
    static final double OUTPUT_WEIGHT_SCALE = 0.1;

    private final Encoder encoder;
    private final DenseNet decoder;
    private final Mlp query;
    private final DenseNet.Pass pass;
    private final double[] dPsi;
    private final double[] dz;

    EncoderDecoder(Encoder encoder, int decoderHidden, int queryHidden, int maxPoints) {
        this.encoder = encoder;
        this.query = new Mlp(1, 0, queryHidden, maxPoints);
        this.decoder = new DenseNet(encoder.codeSize(), decoderHidden, query.size());
        this.pass = decoder.newPass();
        this.dPsi = new double[query.size()];
        this.dz = new double[encoder.codeSize()];
    }

    @Override
    public int size() {
        return encoder.size() + decoder.size();
    }

    @Override
    public double[] init(GaussianStream random) {
        double[] p = new double[size()];
        encoder.init(random, p, 0);
        int at = encoder.size();
        decoder.init(random, p, at);
        int w = at + decoder.outputWeightsAt();
        for (int i = w; i < at + decoder.outputBiasAt(); i++) {
            p[i] *= OUTPUT_WEIGHT_SCALE;
        }
        System.arraycopy(query.init(random), 0, p, at + decoder.outputBiasAt(), query.size());
        return p;
    }

    private double[] psi(double[] p, CosSinTask task) {
        return decoder.forward(p, encoder.size(), encoder.encode(p, 0, task), null, pass);
    }

    @Override
    public void predict(double[] p, CosSinTask task, double[] out) {
        query.predict(psi(p, task), task.queryX, task.queryX.length, out);
    }

    @Override
    public double lossAndGradient(double[] p, CosSinTask task, double[] grad) {
        double[] psi = psi(p, task);
        double loss = query.lossAndGradient(psi, task.queryX, task.queryY, task.queryX.length, dPsi);
        decoder.backward(p, encoder.size(), pass, dPsi, null, grad, encoder.size(), dz, null);
        encoder.backward(p, 0, dz, grad);
        return loss;
    }
}
