package io.github.metasweep.model.symmetry;

/**
 * 2 x 2 matrices as {@code {a, b, c, d}} = [[a, b], [c, d]], with the matrix exponential in closed form: for
 * {@code A = (tr/2) I + B} with B traceless, {@code B^2 = -det(B) I}, so {@code exp(A) = e^(tr/2) (C I + S B)} with
 * (C, S) = (cos w, sin w / w) when det B = w^2 > 0, (cosh w, sinh w / w) when det B = -w^2 < 0, (1, 1) when 0.
 */
public final class Generator2 {
    /** The rotation generator [[0, -1], [1, 0]]. */
    public static final double[] ROTATION = {0, -1, 1, 0};

    private Generator2() {
    }

    public static double[] exp(double[] m) {
        double half = (m[0] + m[3]) / 2;
        double b0 = m[0] - half;
        double b3 = m[3] - half;
        double det = b0 * b3 - m[1] * m[2];
        double c;
        double s;
        if (det > 1e-300) {
            double w = Math.sqrt(det);
            c = Math.cos(w);
            s = Math.sin(w) / w;
        } else if (det < -1e-300) {
            double w = Math.sqrt(-det);
            c = Math.cosh(w);
            s = Math.sinh(w) / w;
        } else {
            c = 1;
            s = 1;
        }
        double e = Math.exp(half);
        return new double[] {e * (c + s * b0), e * s * m[1], e * s * m[2], e * (c + s * b3)};
    }

    public static double[] apply(double[] m, double[] p) {
        return new double[] {m[0] * p[0] + m[1] * p[1], m[2] * p[0] + m[3] * p[1]};
    }

    public static double[] scale(double[] m, double t) {
        return new double[] {t * m[0], t * m[1], t * m[2], t * m[3]};
    }

    public static double norm(double[] m) {
        return Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2] + m[3] * m[3]);
    }

    /**
     * The distance of W from the true generator up to scale and sign: both normalised to unit Frobenius norm,
     * {@code min(||W - W*||, ||W + W*||)}, in [0, sqrt 2]; NaN for a zero W.
     */
    public static double errorUpToScale(double[] w, double[] truth) {
        double nw = norm(w);
        double nt = norm(truth);
        if (!(nw > 0)) {
            return Double.NaN;
        }
        double plus = 0;
        double minus = 0;
        for (int i = 0; i < 4; i++) {
            double x = w[i] / nw;
            double y = truth[i] / nt;
            plus += (x - y) * (x - y);
            minus += (x + y) * (x + y);
        }
        return Math.sqrt(Math.min(plus, minus));
    }
}
