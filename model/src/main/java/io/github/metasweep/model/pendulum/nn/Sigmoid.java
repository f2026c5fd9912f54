package io.github.metasweep.model.pendulum.nn;

/** The logistic function, shared by the gates and their gradients. */
public final class Sigmoid {
    private Sigmoid() {
    }

    public static double of(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** d sigmoid / dx expressed through s = sigmoid(x). */
    public static double slope(double s) {
        return s * (1.0 - s);
    }
}
