package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import io.github.metasweep.model.core.meta.DifferentiableLoss;

/** The MSE of a network on a mutable set of points (refilled per task, never reallocated). */
public final class RegressionLoss implements DifferentiableLoss {
    private final Mlp net;
    final double[] x;
    final double[] y;
    int n;

    public RegressionLoss(Mlp net, int capacity) {
        this.net = net;
        this.x = new double[capacity * net.inputs()];
        this.y = new double[capacity];
    }

    /** Copies {@code n} points in ({@code x} has {@code n * inputs} features). */
    public RegressionLoss set(double[] xs, double[] ys, int count) {
        System.arraycopy(xs, 0, x, 0, count * net.inputs());
        System.arraycopy(ys, 0, y, 0, count);
        n = count;
        return this;
    }

    public int size() {
        return n;
    }

    @Override
    public int dim() {
        return net.size();
    }

    @Override
    public double value(double[] theta) {
        return net.loss(theta, x, y, n);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        return net.lossAndGradient(theta, x, y, n, grad);
    }

    @Override
    public double hessianVector(double[] theta, double[] v, double[] grad, double[] hv) {
        return net.lossGradientHv(theta, x, y, n, v, grad, hv);
    }
}
