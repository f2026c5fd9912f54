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
