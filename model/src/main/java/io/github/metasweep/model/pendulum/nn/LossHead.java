package io.github.metasweep.model.pendulum.nn;

/**
 * The squared-error loss through a network's head f (2 tanh for the policy, identity for the value): per row, the
 * derivative {@code d3 = (2/n)(f(z) - y) f'(z)} and its directional derivative {@code Rd3 = (2/n) Rz (f'^2 + (f - y)
 * f'')}, shared by the float32 and float64 Hessian-vector products.
 */
final class LossHead {
    private LossHead() {
    }

    static double delta(double z, double y, int n, boolean tanhHead) {
        if (!tanhHead) {
            return 2.0 / n * (z - y);
        }
        double t = Math.tanh(z);
        double slope = 2.0 * (1.0 - t * t);
        return 2.0 / n * (2.0 * t - y) * slope;
    }

    static double rDelta(double z, double rz, double y, int n, boolean tanhHead) {
        if (!tanhHead) {
            return 2.0 / n * rz;
        }
        double t = Math.tanh(z);
        double slope = 2.0 * (1.0 - t * t);
        // f'^2 + (f - y) f'' = f' (f' - 2 t (f - y)), with f' = 2 (1 - t^2) and f'' = -2 t f'
        return 2.0 / n * rz * slope * (slope - 2.0 * t * (2.0 * t - y));
    }
}
