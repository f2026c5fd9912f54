package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;
import io.github.metasweep.model.core.nn.Mlp;

/**
 * The {@code non-linear} gradient encoder (eq. 5, LEO-style): a learnt latent {@code z0} (k) that a hypernetwork
 * {@code H: k -> w -> w -> d} maps to the learner's weights {@code theta = H(z0)}; z is the gradient of the
 * learner's support loss with respect to z0, {@code J_H^T grad L(theta)}. Its exact gradient: with {@code u = J_H dz}
 * (a tangent pass), {@code d(dz . z) = (dJ_H dz)^T grad L + J_H^T H_L u}, i.e. back-propagating {@code H_L u} through
 * H's output and {@code grad L} through its tangent ({@link DenseNet#backward}). Parameters: z0, then H.
 */
final class HyperEncoder implements Encoder {
    private final Mlp f;
    private final DenseNet hyper;
    private final DenseNet.Pass pass;
    private final int k;
    private final double[] g;
    private final double[] hv;
    private final double[] z;
    private final double[] dz0;
    private double[] theta;
    private TransferTask task;

    HyperEncoder(int inputs, int learnerHidden, int hyperHidden, int k, int maxPoints) {
        this.f = new Mlp(inputs, 0, learnerHidden, maxPoints);
        this.hyper = new DenseNet(k, hyperHidden, hyperHidden, f.size());
        this.pass = hyper.newPass();
        this.k = k;
        this.g = new double[f.size()];
        this.hv = new double[f.size()];
        this.z = new double[k];
        this.dz0 = new double[k];
    }

    @Override
    public int size() {
        return k + hyper.size();
    }

    @Override
    public int codeSize() {
        return k;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
        for (int i = 0; i < k; i++) {
            p[at + i] = random.nextGaussian(); // z0 ~ N(0, I)
        }
        hyper.init(random, p, at + k);
    }

    private double[] z0(double[] p, int at) {
        return java.util.Arrays.copyOfRange(p, at, at + k);
    }

    @Override
    public void load(double[] p, int at) {
        hyper.load(p, at + k);
    }

    @Override
    public void flushGradient(double[] grad, int at) {
        hyper.flushGradient(grad, at + k);
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        this.task = task;
        theta = hyper.forward(z0(p, at), null, pass).clone();
        f.lossAndGradient(theta, task.supportX, task.supportY, task.supportCount(), g);
        hyper.backward(pass, g, null, false, z, null);
        return z;
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
        hyper.forward(z0(p, at), dz, pass); // the same weights encode loaded
        double[] u = pass.tangentOutput();
        f.lossGradientHv(theta, task.supportX, task.supportY, task.supportCount(), u, null, hv);
        hyper.backward(pass, hv, g, true, dz0, null);
        for (int i = 0; i < k; i++) {
            grad[at + i] += dz0[i];
        }
    }
}
