package io.github.metasweep.model.symmetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel frames of an invariant function estimated from samples (docs/protocols/hereditary-symmetry.md, after the
 * paper's code): at a sample point, the neighbours within {@code radius} whose value differs by less than
 * {@code tolerance} give unit directions along the level set; their first principal direction (the leading
 * eigenvector of the sum of outer products, so a direction's sign does not matter) is the frame, when at least two
 * neighbours qualify. Neighbours are found in a grid of cells of the radius's size.
 */
public final class KernelFrames {
    /** The points that have a frame and their unit frames. */
    public record Frames(double[][] points, double[][] frames) {
        public int size() {
            return points.length;
        }
    }

    private KernelFrames() {
    }

    public static Frames estimate(double[][] points, double[] values, double radius, double tolerance) {
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            grid.computeIfAbsent(cell(points[i], radius), k -> new ArrayList<>()).add(i);
        }
        List<double[]> at = new ArrayList<>();
        List<double[]> frames = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            int count = 0;
            long cx = Math.round(Math.floor(points[i][0] / radius));
            long cy = Math.round(Math.floor(points[i][1] / radius));
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    List<Integer> near = grid.get(key(cx + dx, cy + dy));
                    if (near == null) {
                        continue;
                    }
                    for (int j : near) {
                        double ux = points[j][0] - points[i][0];
                        double uy = points[j][1] - points[i][1];
                        double d = Math.hypot(ux, uy);
                        if (j == i || d > radius || d == 0 || Math.abs(values[j] - values[i]) >= tolerance) {
                            continue;
                        }
                        ux /= d;
                        uy /= d;
                        sxx += ux * ux;
                        sxy += ux * uy;
                        syy += uy * uy;
                        count++;
                    }
                }
            }
            if (count >= 2) {
                at.add(points[i]);
                frames.add(leadingEigenvector(sxx, sxy, syy));
            }
        }
        return new Frames(at.toArray(new double[0][]), frames.toArray(new double[0][]));
    }

    /** The unit eigenvector of [[a, b], [b, c]] of the larger eigenvalue. */
    static double[] leadingEigenvector(double a, double b, double c) {
        double angle = 0.5 * Math.atan2(2 * b, a - c);
        return new double[] {Math.cos(angle), Math.sin(angle)};
    }

    private static long cell(double[] p, double radius) {
        return key(Math.round(Math.floor(p[0] / radius)), Math.round(Math.floor(p[1] / radius)));
    }

    private static long key(long x, long y) {
        return x * 1_000_003L + y;
    }

    /** The true frame of {@code -||q||} at q: the unit tangent of the circle through q, {@code J q / ||q||}. */
    public static double[] oracle(double[] q) {
        double n = Math.hypot(q[0], q[1]);
        return new double[] {-q[1] / n, q[0] / n};
    }
}
