package io.github.metasweep.model.core.meta;

/** L(theta) = 1/2 sum_i a_i (theta_i - c_i)^2: gradient a (.) (theta - c), Hessian diag(a). */
final class QuadraticLoss implements DifferentiableLoss {
    final double[] a;
    final double[] c;

    QuadraticLoss(double[] a, double[] c) {
        this.a = a;
        this.c = c;
    }

    @Override
    public int dim() {
        return a.length;
    }

    @Override
    public double value(double[] theta) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += 0.5 * a[i] * (theta[i] - c[i]) * (theta[i] - c[i]);
        }
        return s;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        for (int i = 0; i < a.length; i++) {
            grad[i] = a[i] * (theta[i] - c[i]);
        }
        return value(theta);
    }

    @Override
    public double hessianVector(double[] theta, double[] v, double[] grad, double[] hv) {
        for (int i = 0; i < a.length; i++) {
            hv[i] = a[i] * v[i];
        }
        return grad == null ? value(theta) : valueAndGradient(theta, grad);
    }

    static MetaTask task(QuadraticLoss support, QuadraticLoss query) {
        return new MetaTask() {
            @Override
            public DifferentiableLoss support() {
                return support;
            }

            @Override
            public DifferentiableLoss query() {
                return query;
            }
        };
    }
}
