package io.github.metasweep.model.core;

import java.util.List;

/**
 * A named curve of one run: y against x (e.g. episode return against episode, or MSE against
 * adaptation step), optionally cut into phases (consecutive index ranges such as pretrain and transfer).
 */
public record Curve(String xLabel, String yLabel, double[] x, double[] y, List<Phase> phases) {

    /** Points {@code from} (inclusive) to {@code to} (exclusive) of the curve belong to phase {@code name}. */
    public record Phase(String name, int from, int to) {
    }

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve has " + x.length + " x values and " + y.length + " y values");
        }
        phases = List.copyOf(phases);
    }

    /** A curve over points 1..n of one phase-less series. */
    public static Curve indexed(String xLabel, String yLabel, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return new Curve(xLabel, yLabel, x, y, List.of());
    }

    /** The phase of point {@code i}, or null when the curve has no phases covering it. */
    public String phaseOf(int i) {
        for (Phase p : phases) {
            if (i >= p.from() && i < p.to()) {
                return p.name();
            }
        }
        return null;
    }
}
