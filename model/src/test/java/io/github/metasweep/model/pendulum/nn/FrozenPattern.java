package io.github.metasweep.model.pendulum.nn;

/**
 * Test-only float64 reference of the plain networks' loss gradient (as {@link PolicyValueLoss} computes
 * it, row by row in plain Java) with the ReLU activation pattern given rather than read off the
 * parameters, and the activation pattern itself. Differences of this gradient with the pattern of a
 * point frozen are finite differences within one linear region of the ReLUs: a cross-check of exact
 * Hessian-vector products that no kink can spoil.
 */
public final class FrozenPattern {
    private static final String[] NETS = {"pi", "v"};

    private FrozenPattern() {
    }

    /** z > 0 of every hidden pre-activation: network (pi, v), layer (1, 2), row, unit. */
    public static boolean[] of(NetworkShape shape, double[] p, TrainingBatch batch) {
        plainOnly(shape);
        boolean[] pattern = new boolean[NETS.length * 2 * batch.rows() * shape.hidden()];
        pass(shape, p, batch, null, pattern, null);
        return pattern;
    }

    /** How many units differ between two patterns. */
    public static int differences(boolean[] a, boolean[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d++;
            }
        }
        return d;
    }

    /** The loss gradient at {@code p} (both networks) with the activation pattern {@code pattern} held. */
    public static double[] gradient(NetworkShape shape, double[] p, TrainingBatch batch, boolean[] pattern) {
        plainOnly(shape);
        double[] grad = new double[shape.layout().size()];
        pass(shape, p, batch, pattern, null, grad);
        return grad;
    }

    /**
     * Central difference of the frozen-pattern gradient along {@code v}, pattern of {@code p}, step
     * {@code 1e-5 (1 + |p|) / |v|}: within one linear region of the ReLUs, truncation ~1e-10 relative.
     */
    public static double[] centralHessianVector(NetworkShape shape, double[] p, double[] v, TrainingBatch batch) {
        boolean[] pattern = of(shape, p, batch);
        double h = 1e-5 * (1.0 + norm(p)) / norm(v);
        double[] plus = p.clone();
        double[] minus = p.clone();
        for (int i = 0; i < p.length; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        double[] gp = gradient(shape, plus, batch, pattern);
        double[] gm = gradient(shape, minus, batch, pattern);
        double[] hv = new double[p.length];
        for (int i = 0; i < hv.length; i++) {
            hv[i] = (gp[i] - gm[i]) / (2 * h);
        }
        return hv;
    }

    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** |a - b| / |b|. */
    public static double relativeError(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s) / norm(b);
    }

    private static void plainOnly(NetworkShape shape) {
        if (shape.gated()) {
            throw new IllegalArgumentException("plain networks only");
        }
    }

    /** Forward (and backward when grad is given) of both networks, row by row. */
    private static void pass(NetworkShape shape, double[] p, TrainingBatch batch, boolean[] given, boolean[] seen,
                             double[] grad) {
        ParameterLayout layout = shape.layout();
        int h = shape.hidden();
        int n = batch.rows();
        for (int net = 0; net < NETS.length; net++) {
            String name = NETS[net];
            int w1 = layout.get(name + ".w1").offset();
            int b1 = layout.get(name + ".b1").offset();
            int w2 = layout.get(name + ".w2").offset();
            int b2 = layout.get(name + ".b2").offset();
            int w3 = layout.get(name + ".w3").offset();
            int b3 = layout.get(name + ".b3").offset();
            boolean tanhHead = net == 0;
            double[] z1 = new double[h];
            double[] a1 = new double[h];
            double[] z2 = new double[h];
            double[] a2 = new double[h];
            double[] d2 = new double[h];
            for (int r = 0; r < n; r++) {
                int base1 = ((net * 2) * n + r) * h;
                int base2 = ((net * 2 + 1) * n + r) * h;
                double x0 = batch.states()[2 * r];
                double x1 = batch.states()[2 * r + 1];
                for (int u = 0; u < h; u++) {
                    z1[u] = x0 * p[w1 + u] + x1 * p[w1 + h + u] + p[b1 + u];
                    boolean on = given != null ? given[base1 + u] : z1[u] > 0;
                    if (seen != null) {
                        seen[base1 + u] = z1[u] > 0;
                    }
                    a1[u] = on ? z1[u] : 0.0;
                }
                for (int j = 0; j < h; j++) {
                    z2[j] = p[b2 + j];
                }
                for (int u = 0; u < h; u++) {
                    double a = a1[u];
                    if (a != 0.0) {
                        int row = w2 + u * h;
                        for (int j = 0; j < h; j++) {
                            z2[j] += a * p[row + j];
                        }
                    }
                }
                double z3 = p[b3];
                for (int j = 0; j < h; j++) {
                    boolean on = given != null ? given[base2 + j] : z2[j] > 0;
                    if (seen != null) {
                        seen[base2 + j] = z2[j] > 0;
                    }
                    a2[j] = on ? z2[j] : 0.0;
                    z3 += a2[j] * p[w3 + j];
                }
                if (grad == null) {
                    continue;
                }
                double y = tanhHead ? batch.actionTargets()[r] : batch.rewards()[r];
                double d3;
                if (tanhHead) {
                    double t = Math.tanh(z3);
                    d3 = 2.0 * (2.0 * t - y) / n * 2.0 * (1.0 - t * t);
                } else {
                    d3 = 2.0 * (z3 - y) / n;
                }
                grad[b3] += d3;
                for (int j = 0; j < h; j++) {
                    grad[w3 + j] += a2[j] * d3;
                    boolean on = given != null ? given[base2 + j] : z2[j] > 0;
                    d2[j] = on ? d3 * p[w3 + j] : 0.0;
                    grad[b2 + j] += d2[j];
                }
                for (int u = 0; u < h; u++) {
                    int row = w2 + u * h;
                    double a = a1[u];
                    double d1 = 0.0;
                    for (int j = 0; j < h; j++) {
                        grad[row + j] += a * d2[j];
                        d1 += d2[j] * p[row + j];
                    }
                    boolean on = given != null ? given[base1 + u] : z1[u] > 0;
                    if (on) {
                        grad[w1 + u] += x0 * d1;
                        grad[w1 + h + u] += x1 * d1;
                        grad[b1 + u] += d1;
                    }
                }
            }
        }
    }
}
