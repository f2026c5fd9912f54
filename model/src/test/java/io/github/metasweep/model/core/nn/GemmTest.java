package io.github.metasweep.model.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The products against a float64 triple loop, and the vector path against the scalar chains bit for bit. */
class GemmTest {
    @Test
    void theBuildRunsTheVectorPath() {
        assertTrue(Gemm.vectorised(), "the JVM lacks --add-modules=jdk.incubator.vector (pom.xml java17.opens)");
    }

    @Test
    void everyShapeMatchesFloat64AndTheScalarChainsExactly() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int p : new int[] {1, 2, 3, 4, 5, 9, 64}) {
            for (int k : new int[] {1, 2, 13, 64}) {
                for (int m : new int[] {1, 7, 16, 33, 64, 70}) {
                    for (boolean transposed : new boolean[] {false, true}) {
                        for (boolean accumulate : new boolean[] {false, true}) {
                            check(rng, p, k, m, transposed, accumulate);
                        }
                    }
                }
            }
        }
    }

    @Test
    void float64ProductsMatchTheScalarChainsExactlyAndTheTripleLoopClosely() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int p : new int[] {1, 3, 4, 9, 20}) {
            for (int k : new int[] {1, 2, 13, 128}) {
                for (int m : new int[] {1, 5, 8, 16, 40, 128, 131}) {
                    for (boolean transposed : new boolean[] {false, true}) {
                        for (boolean accumulate : new boolean[] {false, true}) {
                            double[] a = rng.doubles(p * k, -1, 1).toArray();
                            double[] b = rng.doubles(k * m, -1, 1).toArray();
                            double[] c0 = rng.doubles(p * m, -1, 1).toArray();
                            int rs = transposed ? 1 : k;
                            int cs = transposed ? p : 1;
                            double[] c = c0.clone();
                            Gemm.multiply(a, rs, cs, b, c, p, k, m, accumulate);
                            double[] reference = c0.clone();
                            Gemm.scalar(a, rs, cs, b, reference, 0, p, 0, m, k, m, accumulate);
                            String shape = p + "x" + k + "x" + m + (transposed ? " transposed" : "")
                                    + (accumulate ? " accumulate" : "");
                            assertArrayEquals(reference, c, shape);
                            for (int r = 0; r < p; r++) {
                                for (int o = 0; o < m; o++) {
                                    double sum = accumulate ? c0[r * m + o] : 0;
                                    for (int i = 0; i < k; i++) {
                                        sum += a[r * rs + i * cs] * b[i * m + o];
                                    }
                                    assertEquals(sum, c[r * m + o], 1e-12 * (k + 1), shape);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void squaredDistancesMatchThePlainLoopBitForBit() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int n : new int[] {1, 7, 8, 30, 33}) {
            int m = 5;
            int width = 19;
            double[] a = rng.doubles(m * width, -2, 2).toArray();
            double[] b = rng.doubles(n * width, -2, 2).toArray();
            double[] bT = new double[width * n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < width; c++) {
                    bT[c * n + i] = b[i * width + c];
                }
            }
            double[] out = new double[m * n];
            Gemm.squaredDistances(a, m, bT, n, width, out);
            for (int q = 0; q < m; q++) {
                for (int i = 0; i < n; i++) {
                    double d2 = 0;
                    for (int c = 0; c < width; c++) {
                        double diff = a[q * width + c] - b[i * width + c];
                        d2 += diff * diff;
                    }
                    assertEquals(d2, out[q * n + i], 0.0, n + " points, " + q + "," + i);
                }
            }
        }
    }

    @Test
    void scaledRowsMatchThePlainLoopBitForBit() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 7, 64}) {
            for (int m : new int[] {1, 15, 16, 64, 80, 100}) {
                float[] x = random(rng, n);
                for (int i = 0; i < n; i += 3) {
                    x[i] = 0f; // skipped rows
                }
                float[] w = random(rng, n * m);
                float[] y = random(rng, m);
                float[] plain = y.clone();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        plain[j] += x[i] * w[i * m + j];
                    }
                }
                Gemm.addScaledRows(x, w, y, n, m, new int[n]);
                assertArrayEquals(plain, y, n + "x" + m);
            }
        }
    }

    @Test
    void reluGateBackwardMatchesThePlainLoopBitForBit() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int m : new int[] {1, 15, 16, 64, 70}) {
            int n = 33;
            float[] d = random(rng, n * m);
            float[] a = random(rng, n * m);
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.max(a[i], 0f); // relu outputs, about half zero
            }
            float[] gate = random(rng, m);
            float[] gg = random(rng, m);
            float[] bg = random(rng, m);
            float[] d2 = d.clone();
            float[] gg2 = gg.clone();
            float[] bg2 = bg.clone();
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < m; j++) {
                    gg2[j] += d2[r * m + j] * a[r * m + j];
                    d2[r * m + j] = a[r * m + j] > 0f ? d2[r * m + j] * gate[j] : 0f;
                    bg2[j] += d2[r * m + j];
                }
            }
            Gemm.reluGateBackward(d, a, gate, n, m, gg, bg);
            assertArrayEquals(d2, d, "d, width " + m);
            assertArrayEquals(gg2, gg, "gate gradient, width " + m);
            assertArrayEquals(bg2, bg, "bias gradient, width " + m);
        }
    }

    private static void check(SplittableRandom rng, int p, int k, int m, boolean transposed, boolean accumulate) {
        float[] a = random(rng, p * k);
        float[] b = random(rng, k * m);
        float[] c0 = random(rng, p * m);
        // A (r, i) at r * rs + i * cs: stored row-major p x k, or as its transpose k x p
        int rs = transposed ? 1 : k;
        int cs = transposed ? p : 1;
        float[] c = c0.clone();
        Gemm.multiply(a, rs, cs, b, c, p, k, m, accumulate);
        float[] reference = c0.clone();
        Gemm.scalar(a, rs, cs, b, reference, 0, p, 0, m, k, m, accumulate);
        String shape = p + "x" + k + "x" + m + (transposed ? " transposed" : "") + (accumulate ? " accumulate" : "");
        assertArrayEquals(reference, c, shape);
        for (int r = 0; r < p; r++) {
            for (int o = 0; o < m; o++) {
                double s = accumulate ? c0[r * m + o] : 0;
                double scale = Math.abs(s);
                for (int i = 0; i < k; i++) {
                    s += (double) a[r * rs + i * cs] * b[i * m + o];
                    scale += Math.abs((double) a[r * rs + i * cs] * b[i * m + o]);
                }
                assertEquals(s, c[r * m + o], 1e-6 * scale + 1e-30, shape + " at " + r + "," + o);
            }
        }
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        return x;
    }
}
