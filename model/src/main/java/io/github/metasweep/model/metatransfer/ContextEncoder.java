package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.Mlp;

/**
 * The {@code context} gradient encoder (eq. 4, CAVIA-style): a learner {@code f_theta(x, c)} (inputs-h-h-1 ReLU with k
 * context inputs) and its support MSE; z is the gradient of that loss with respect to the context at c = 0. Its
 * gradient with respect to theta is the exact mixed second derivative: the theta part of the Hessian-vector product
 * of the support loss along {@code (0, dz)} (R-operator, {@link Mlp#lossGradientHv}).
 */
final class ContextEncoder implements Encoder {
    private final Mlp f;
    private final int k;
    private final int thetaSize;
    private final double[] full;
    private final double[] gradFull;
    private final double[] direction;
    private final double[] hv;
    private final double[] z;
    private TransferTask task;

    ContextEncoder(int inputs, int hidden, int k, int maxPoints) {
        this.f = new Mlp(inputs, k, hidden, maxPoints);
        this.k = k;
        this.thetaSize = f.oCtx;
        this.full = new double[f.size()];
        this.gradFull = new double[f.size()];
        this.direction = new double[f.size()];
        this.hv = new double[f.size()];
        this.z = new double[k];
    }

    @Override
    public int size() {
        return thetaSize;
    }

    @Override
    public int codeSize() {
        return k;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
        System.arraycopy(f.init(random), 0, p, at, thetaSize);
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        this.task = task;
        System.arraycopy(p, at, full, 0, thetaSize); // the context stays 0
        f.lossAndGradient(full, task.supportX, task.supportY, task.supportCount(), gradFull);
        System.arraycopy(gradFull, thetaSize, z, 0, k);
        return z;
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
        System.arraycopy(dz, 0, direction, thetaSize, k);
        f.lossGradientHv(full, task.supportX, task.supportY, task.supportCount(), direction, null, hv);
        for (int i = 0; i < thetaSize; i++) {
            grad[at + i] += hv[i];
        }
    }
}
