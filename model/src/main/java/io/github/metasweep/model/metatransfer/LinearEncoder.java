package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.Mlp;

/**
 * The {@code linear} gradient encoder (eq. 6): {@code z = V grad_theta L_support(theta)}, V a learnt k x d matrix
 * (k directional derivatives of the learner's support loss). Parameters: theta, then V row by row. The gradient
 * with respect to theta is the exact Hessian-vector product {@code H (V^T dz)}.
 */
final class LinearEncoder implements Encoder {
    private final Mlp f;
    private final int k;
    private final int d;
    private final double[] theta;
    private final double[] g;
    private final double[] direction;
    private final double[] hv;
    private final double[] z;
    private TransferTask task;

    LinearEncoder(int inputs, int hidden, int k, int maxPoints) {
        this.f = new Mlp(inputs, 0, hidden, maxPoints);
        this.k = k;
        this.d = f.size();
        this.theta = new double[d];
        this.g = new double[d];
        this.direction = new double[d];
        this.hv = new double[d];
        this.z = new double[k];
    }

    @Override
    public int size() {
        return d + k * d;
    }

    @Override
    public int codeSize() {
        return k;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
        System.arraycopy(f.init(random), 0, p, at, d);
        double bound = 1.0 / Math.sqrt(d);
        for (int i = at + d; i < at + size(); i++) {
            p[i] = random.uniform(-bound, bound);
        }
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        this.task = task;
        System.arraycopy(p, at, theta, 0, d);
        f.lossAndGradient(theta, task.supportX, task.supportY, task.supportCount(), g);
        for (int j = 0; j < k; j++) {
            double s = 0;
            int row = at + d + j * d;
            for (int i = 0; i < d; i++) {
                s += p[row + i] * g[i];
            }
            z[j] = s;
        }
        return z;
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
        java.util.Arrays.fill(direction, 0.0);
        for (int j = 0; j < k; j++) {
            int row = at + d + j * d;
            for (int i = 0; i < d; i++) {
                grad[row + i] += dz[j] * g[i];
                direction[i] += p[row + i] * dz[j];
            }
        }
        f.lossGradientHv(theta, task.supportX, task.supportY, task.supportCount(), direction, null, hv);
        for (int i = 0; i < d; i++) {
            grad[at + i] += hv[i];
        }
    }
}
