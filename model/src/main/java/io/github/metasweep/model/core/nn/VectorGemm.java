package io.github.metasweep.model.core.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gemm}'s products on the Vector API: blocks of 4 rows x 2 vectors of C held in 8 registers while the
 * inner index runs (each B vector loaded once for 4 rows), then narrower blocks and scalar chains for the edges.
 * Loaded only when the module is present.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();

    private VectorGemm() {
    }

    static void multiply(float[] a, int rs, int cs, float[] b, float[] c, int p, int k, int m, boolean accumulate) {
        if (!accumulate) { // every block then starts from C: a vector chosen by a branch would be boxed on Java 17
            java.util.Arrays.fill(c, 0, p * m, 0f);
        }
        int r = 0;
        for (; r + 4 <= p; r += 4) {
            int o = 0;
            for (; o + 2 * L <= m; o += 2 * L) {
                block4x2(a, rs, cs, b, c, r, o, k, m);
            }
            for (; o + L <= m; o += L) {
                block4x1(a, rs, cs, b, c, r, o, k, m);
            }
            Gemm.scalar(a, rs, cs, b, c, r, r + 4, o, m, k, m, true);
        }
        for (; r < p; r++) {
            int o = 0;
            for (; o + L <= m; o += L) {
                FloatVector s = FloatVector.fromArray(S, c, r * m + o);
                int ar = r * rs;
                for (int i = 0; i < k; i++) {
                    s = FloatVector.fromArray(S, b, i * m + o).fma(FloatVector.broadcast(S, a[ar + i * cs]), s);
                }
                s.intoArray(c, r * m + o);
            }
            Gemm.scalar(a, rs, cs, b, c, r, r + 1, o, m, k, m, true);
        }
    }

    static void addScaledRows(float[] x, float[] w, float[] y, int n, int m, int[] rows) {
        // the non-zero rows first: a branch inside the vector loop would make Java 17 box the vectors
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0f) {
                rows[count++] = i;
            }
        }
        int o = 0;
        for (; o + 4 * L <= m; o += 4 * L) { // four vectors of y held in registers across the rows
            FloatVector y0 = FloatVector.fromArray(S, y, o);
            FloatVector y1 = FloatVector.fromArray(S, y, o + L);
            FloatVector y2 = FloatVector.fromArray(S, y, o + 2 * L);
            FloatVector y3 = FloatVector.fromArray(S, y, o + 3 * L);
            for (int c = 0; c < count; c++) {
                int i = rows[c];
                int row = i * m + o;
                FloatVector s = FloatVector.broadcast(S, x[i]);
                y0 = y0.add(FloatVector.fromArray(S, w, row).mul(s));
                y1 = y1.add(FloatVector.fromArray(S, w, row + L).mul(s));
                y2 = y2.add(FloatVector.fromArray(S, w, row + 2 * L).mul(s));
                y3 = y3.add(FloatVector.fromArray(S, w, row + 3 * L).mul(s));
            }
            y0.intoArray(y, o);
            y1.intoArray(y, o + L);
            y2.intoArray(y, o + 2 * L);
            y3.intoArray(y, o + 3 * L);
        }
        for (; o + L <= m; o += L) {
            FloatVector acc = FloatVector.fromArray(S, y, o);
            for (int c = 0; c < count; c++) {
                int i = rows[c];
                acc = acc.add(FloatVector.fromArray(S, w, i * m + o).mul(FloatVector.broadcast(S, x[i])));
            }
            acc.intoArray(y, o);
        }
        Gemm.addScaledRows(x, w, y, n, m, o);
    }

    static void reluGateBackward(float[] d, float[] a, float[] gate, int n, int m, float[] gateGrad,
                                 float[] biasGrad) {
        int o = 0;
        for (; o + L <= m; o += L) { // one column block down all rows, its sums in registers
            FloatVector g = FloatVector.fromArray(S, gate, o);
            FloatVector zero = FloatVector.zero(S);
            FloatVector gg = FloatVector.fromArray(S, gateGrad, o);
            FloatVector bg = FloatVector.fromArray(S, biasGrad, o);
            for (int r = 0; r < n; r++) {
                int at = r * m + o;
                FloatVector dv = FloatVector.fromArray(S, d, at);
                FloatVector av = FloatVector.fromArray(S, a, at);
                gg = gg.add(dv.mul(av));
                FloatVector v = zero.blend(dv.mul(g), av.compare(VectorOperators.GT, zero));
                v.intoArray(d, at);
                bg = bg.add(v);
            }
            gg.intoArray(gateGrad, o);
            bg.intoArray(biasGrad, o);
        }
        Gemm.reluGateBackward(d, a, gate, n, m, gateGrad, biasGrad, o);
    }

    private static void block4x2(float[] a, int rs, int cs, float[] b, float[] c, int r, int o, int k, int m) {
        int c0 = r * m + o;
        int c1 = c0 + m;
        int c2 = c1 + m;
        int c3 = c2 + m;
        FloatVector s00 = FloatVector.fromArray(S, c, c0);
        FloatVector s01 = FloatVector.fromArray(S, c, c0 + L);
        FloatVector s10 = FloatVector.fromArray(S, c, c1);
        FloatVector s11 = FloatVector.fromArray(S, c, c1 + L);
        FloatVector s20 = FloatVector.fromArray(S, c, c2);
        FloatVector s21 = FloatVector.fromArray(S, c, c2 + L);
        FloatVector s30 = FloatVector.fromArray(S, c, c3);
        FloatVector s31 = FloatVector.fromArray(S, c, c3 + L);
        int a0 = r * rs;
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        for (int i = 0; i < k; i++) {
            FloatVector w0 = FloatVector.fromArray(S, b, i * m + o);
            FloatVector w1 = FloatVector.fromArray(S, b, i * m + o + L);
            int ai = i * cs;
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ai]);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ai]);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ai]);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ai]);
            s00 = w0.fma(x0, s00);
            s01 = w1.fma(x0, s01);
            s10 = w0.fma(x1, s10);
            s11 = w1.fma(x1, s11);
            s20 = w0.fma(x2, s20);
            s21 = w1.fma(x2, s21);
            s30 = w0.fma(x3, s30);
            s31 = w1.fma(x3, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    private static void block4x1(float[] a, int rs, int cs, float[] b, float[] c, int r, int o, int k, int m) {
        int c0 = r * m + o;
        FloatVector s0 = FloatVector.fromArray(S, c, c0);
        FloatVector s1 = FloatVector.fromArray(S, c, c0 + m);
        FloatVector s2 = FloatVector.fromArray(S, c, c0 + 2 * m);
        FloatVector s3 = FloatVector.fromArray(S, c, c0 + 3 * m);
        int a0 = r * rs;
        for (int i = 0; i < k; i++) {
            FloatVector w = FloatVector.fromArray(S, b, i * m + o);
            int ai = a0 + i * cs;
            s0 = w.fma(FloatVector.broadcast(S, a[ai]), s0);
            s1 = w.fma(FloatVector.broadcast(S, a[ai + rs]), s1);
            s2 = w.fma(FloatVector.broadcast(S, a[ai + 2 * rs]), s2);
            s3 = w.fma(FloatVector.broadcast(S, a[ai + 3 * rs]), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + m);
        s2.intoArray(c, c0 + 2 * m);
        s3.intoArray(c, c0 + 3 * m);
    }

    // float64: the same blocks, half the lanes

    static void multiply(double[] a, int rs, int cs, double[] b, double[] c, int p, int k, int m, boolean accumulate) {
        if (!accumulate) { // every block then starts from C: a vector chosen by a branch would be boxed on Java 17
            java.util.Arrays.fill(c, 0, p * m, 0.0);
        }
        int r = 0;
        for (; r + 4 <= p; r += 4) {
            int o = 0;
            for (; o + 2 * DL <= m; o += 2 * DL) {
                dblock4x2(a, rs, cs, b, c, r, o, k, m);
            }
            for (; o + DL <= m; o += DL) {
                dblock4x1(a, rs, cs, b, c, r, o, k, m);
            }
            Gemm.scalar(a, rs, cs, b, c, r, r + 4, o, m, k, m, true);
        }
        for (; r < p; r++) {
            int o = 0;
            for (; o + DL <= m; o += DL) {
                DoubleVector s = DoubleVector.fromArray(D, c, r * m + o);
                int ar = r * rs;
                for (int i = 0; i < k; i++) {
                    s = DoubleVector.fromArray(D, b, i * m + o).fma(DoubleVector.broadcast(D, a[ar + i * cs]), s);
                }
                s.intoArray(c, r * m + o);
            }
            Gemm.scalar(a, rs, cs, b, c, r, r + 1, o, m, k, m, true);
        }
    }

    private static void dblock4x2(double[] a, int rs, int cs, double[] b, double[] c, int r, int o, int k, int m) {
        int c0 = r * m + o;
        int c1 = c0 + m;
        int c2 = c1 + m;
        int c3 = c2 + m;
        DoubleVector s00 = DoubleVector.fromArray(D, c, c0);
        DoubleVector s01 = DoubleVector.fromArray(D, c, c0 + DL);
        DoubleVector s10 = DoubleVector.fromArray(D, c, c1);
        DoubleVector s11 = DoubleVector.fromArray(D, c, c1 + DL);
        DoubleVector s20 = DoubleVector.fromArray(D, c, c2);
        DoubleVector s21 = DoubleVector.fromArray(D, c, c2 + DL);
        DoubleVector s30 = DoubleVector.fromArray(D, c, c3);
        DoubleVector s31 = DoubleVector.fromArray(D, c, c3 + DL);
        int a0 = r * rs;
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        for (int i = 0; i < k; i++) {
            DoubleVector w0 = DoubleVector.fromArray(D, b, i * m + o);
            DoubleVector w1 = DoubleVector.fromArray(D, b, i * m + o + DL);
            int ai = i * cs;
            DoubleVector x0 = DoubleVector.broadcast(D, a[a0 + ai]);
            DoubleVector x1 = DoubleVector.broadcast(D, a[a1 + ai]);
            DoubleVector x2 = DoubleVector.broadcast(D, a[a2 + ai]);
            DoubleVector x3 = DoubleVector.broadcast(D, a[a3 + ai]);
            s00 = w0.fma(x0, s00);
            s01 = w1.fma(x0, s01);
            s10 = w0.fma(x1, s10);
            s11 = w1.fma(x1, s11);
            s20 = w0.fma(x2, s20);
            s21 = w1.fma(x2, s21);
            s30 = w0.fma(x3, s30);
            s31 = w1.fma(x3, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + DL);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + DL);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + DL);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + DL);
    }

    private static void dblock4x1(double[] a, int rs, int cs, double[] b, double[] c, int r, int o, int k, int m) {
        int c0 = r * m + o;
        DoubleVector s0 = DoubleVector.fromArray(D, c, c0);
        DoubleVector s1 = DoubleVector.fromArray(D, c, c0 + m);
        DoubleVector s2 = DoubleVector.fromArray(D, c, c0 + 2 * m);
        DoubleVector s3 = DoubleVector.fromArray(D, c, c0 + 3 * m);
        int a0 = r * rs;
        for (int i = 0; i < k; i++) {
            DoubleVector w = DoubleVector.fromArray(D, b, i * m + o);
            int ai = a0 + i * cs;
            s0 = w.fma(DoubleVector.broadcast(D, a[ai]), s0);
            s1 = w.fma(DoubleVector.broadcast(D, a[ai + rs]), s1);
            s2 = w.fma(DoubleVector.broadcast(D, a[ai + 2 * rs]), s2);
            s3 = w.fma(DoubleVector.broadcast(D, a[ai + 3 * rs]), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + m);
        s2.intoArray(c, c0 + 2 * m);
        s3.intoArray(c, c0 + 3 * m);
    }

    static void squaredDistances(double[] a, int m, double[] bT, int n, int width, double[] out) {
        int full = n - n % DL;
        for (int q = 0; q < m; q++) {
            for (int i = 0; i < full; i += DL) {
                DoubleVector acc = DoubleVector.zero(D);
                for (int c = 0; c < width; c++) {
                    DoubleVector diff = DoubleVector.broadcast(D, a[q * width + c]).sub(DoubleVector.fromArray(D, bT,
                            c * n + i));
                    acc = acc.add(diff.mul(diff));
                }
                acc.intoArray(out, q * n + i);
            }
        }
        Gemm.squaredDistances(a, m, bT, n, width, out, full);
    }
}
