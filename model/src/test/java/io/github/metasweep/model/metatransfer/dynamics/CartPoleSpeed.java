package io.github.metasweep.model.metatransfer.dynamics;

import java.util.Locale;

/** Speed of one RK4 step of the single and the double cart-pole (not a test): one line per figure. */
public final class CartPoleSpeed {
    private CartPoleSpeed() {
    }

    public static void main(String[] args) {
        for (int poles = 1; poles <= 2; poles++) {
            double[] m = new double[poles];
            double[] l = new double[poles];
            java.util.Arrays.fill(m, 0.1);
            java.util.Arrays.fill(l, 1.0);
            CartPoleChain c = new CartPoleChain(1.0, m, l, 9.81, 0, 0);
            double[] s = new double[2 + 2 * poles];
            s[2] = 2.0;
            double sink = 0;
            int steps = 2_000_000;
            // forces drawn before timing: Math.sin of a large argument costs more than a step
            double[] forces = new double[1024];
            for (int i = 0; i < forces.length; i++) {
                forces[i] = 3 * Math.sin(i);
            }
            for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
                long t0 = System.nanoTime();
                double[] x = s;
                for (int i = 0; i < steps; i++) {
                    x = c.step(x, forces[i & 1023], 0.01);
                }
                sink += x[2];
                double ns = (System.nanoTime() - t0) / (double) steps;
                if (round == 2) {
                    System.out.printf(Locale.ROOT, "RK4 step of the %s cart-pole: %.0f ns%n", poles == 1 ? "single"
                            : "double", ns);
                }
            }
            if (sink == 42) {
                System.out.println();
            }
        }
    }
}
