package io.github.metasweep.model.core.nn;

/**
 * Matrix products {@code C = C0 + A B} on plain float32 and float64 arrays, every element an ordered chain of fused
 * multiply-adds over the inner index: {@code c = fma(a_r0, b_0o, c0); c = fma(a_r1, b_1o, c); ...}; and three
 * fused loops of the networks that use them. With the JDK's incubating Vector API ({@code --add-modules
 * jdk.incubator.vector}) they run in register blocks of the widest vectors (a float32 1000 x 64 x 64 product about
 * 7 times ND4J's on this machine); without it, element by element. Both paths give the same bits: a lane's fma is
 * {@link Math#fma}, each chain's order is fixed, and the vector lanes never split a sum.
 */
public final class Gemm {
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Gemm() {
    }

    /** Whether the products run on the Vector API (the module is in the boot layer). */
    public static boolean vectorised() {
        return VECTOR;
    }

    /**
     * {@code C = (accumulate ? C : 0) + A B}: A is {@code p x k} with element (r, i) at {@code a[r * rowStride + i *
     * colStride]} (so a transposed matrix costs nothing), B is {@code k x m} and C {@code p x m}, both row-major.
     */
    public static void multiply(float[] a, int rowStride, int colStride, float[] b, float[] c, int p, int k, int m,
                                boolean accumulate) {
        if (VECTOR) {
            VectorGemm.multiply(a, rowStride, colStride, b, c, p, k, m, accumulate);
        } else {
            scalar(a, rowStride, colStride, b, c, 0, p, 0, m, k, m, accumulate);
        }
    }

    /**
     * {@code y += sum_i x[i] W[i, :]} over the non-zero {@code x[i]} in ascending i, W {@code n x m} row-major, each
     * term a product rounded and then added (no fma), as the plain loop {@code y[j] += x[i] * w[i * m + j]} does:
     * one layer of a single-input forward pass (per-step inference), to the same bits on either path.
     * {@code rows} is scratch of at least n entries.
     */
    public static void addScaledRows(float[] x, float[] w, float[] y, int n, int m, int[] rows) {
        if (VECTOR) {
            VectorGemm.addScaledRows(x, w, y, n, m, rows);
        } else {
            addScaledRows(x, w, y, n, m, 0);
        }
    }

    /** The reference of {@link #addScaledRows(float[], float[], float[], int, int, int[])} for columns o0..m-1. */
    static void addScaledRows(float[] x, float[] w, float[] y, int n, int m, int o0) {
        for (int i = 0; i < n; i++) {
            float a = x[i];
            if (a != 0f) {
                int row = i * m;
                for (int j = o0; j < m; j++) {
                    y[j] += a * w[row + j];
                }
            }
        }
    }

    /**
     * Back through {@code h = relu(z) * gate} for n rows of width m: {@code d} (the gradient with respect to h)
     * becomes {@code d * gate} where {@code a = relu(z) > 0} and 0 elsewhere; {@code gateGrad[j] += d * a} (before)
     * and {@code biasGrad[j] += } the new d, summed over rows in ascending order, in float.
     */
    public static void reluGateBackward(float[] d, float[] a, float[] gate, int n, int m, float[] gateGrad,
                                        float[] biasGrad) {
        if (VECTOR) {
            VectorGemm.reluGateBackward(d, a, gate, n, m, gateGrad, biasGrad);
        } else {
            reluGateBackward(d, a, gate, n, m, gateGrad, biasGrad, 0);
        }
    }

    /** The reference of {@link #reluGateBackward(float[], float[], float[], int, int, float[], float[])}, columns o0... */
    static void reluGateBackward(float[] d, float[] a, float[] gate, int n, int m, float[] gateGrad, float[] biasGrad,
                                 int o0) {
        for (int r = 0; r < n; r++) {
            int o = r * m;
            for (int j = o0; j < m; j++) {
                float dj = d[o + j];
                float aj = a[o + j];
                gateGrad[j] += dj * aj;
                float v = aj > 0f ? dj * gate[j] : 0f;
                d[o + j] = v;
                biasGrad[j] += v;
            }
        }
    }

    /** The reference: rows {@code r0..r1-1}, columns {@code o0..o1-1} of C, one fma chain per element. */
    static void scalar(float[] a, int rowStride, int colStride, float[] b, float[] c, int r0, int r1, int o0, int o1,
                       int k, int m, boolean accumulate) {
        for (int r = r0; r < r1; r++) {
            int ar = r * rowStride;
            for (int o = o0; o < o1; o++) {
                float s = accumulate ? c[r * m + o] : 0f;
                for (int i = 0; i < k; i++) {
                    s = Math.fma(a[ar + i * colStride], b[i * m + o], s);
                }
                c[r * m + o] = s;
            }
        }
    }

    /** {@link #multiply(float[], int, int, float[], float[], int, int, int, boolean)} in float64. */
    public static void multiply(double[] a, int rowStride, int colStride, double[] b, double[] c, int p, int k, int m,
                                boolean accumulate) {
        if (VECTOR) {
            VectorGemm.multiply(a, rowStride, colStride, b, c, p, k, m, accumulate);
        } else {
            scalar(a, rowStride, colStride, b, c, 0, p, 0, m, k, m, accumulate);
        }
    }

    /** The float64 reference chains. */
    static void scalar(double[] a, int rowStride, int colStride, double[] b, double[] c, int r0, int r1, int o0,
                       int o1, int k, int m, boolean accumulate) {
        for (int r = r0; r < r1; r++) {
            int ar = r * rowStride;
            for (int o = o0; o < o1; o++) {
                double s = accumulate ? c[r * m + o] : 0.0;
                for (int i = 0; i < k; i++) {
                    s = Math.fma(a[ar + i * colStride], b[i * m + o], s);
                }
                c[r * m + o] = s;
            }
        }
    }

    /**
     * {@code out[q * n + i] = sum_c (a[q, c] - b[i, c])^2} for the rows of {@code a} (m x width) and of b, given
     * transposed ({@code bT}: width x n): each sum in ascending c, each term a rounded product then added (no fma),
     * as the plain double loop does; the vector path runs the points i in lanes.
     */
    public static void squaredDistances(double[] a, int m, double[] bT, int n, int width, double[] out) {
        if (VECTOR) {
            VectorGemm.squaredDistances(a, m, bT, n, width, out);
        } else {
            squaredDistances(a, m, bT, n, width, out, 0);
        }
    }

    /** The reference of {@link #squaredDistances(double[], int, double[], int, int, double[])}, points i0... */
    static void squaredDistances(double[] a, int m, double[] bT, int n, int width, double[] out, int i0) {
        for (int q = 0; q < m; q++) {
            for (int i = i0; i < n; i++) {
                double d2 = 0;
                for (int c = 0; c < width; c++) {
                    double diff = a[q * width + c] - bT[c * n + i];
                    d2 += diff * diff;
                }
                out[q * n + i] = d2;
            }
        }
    }
}
