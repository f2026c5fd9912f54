package io.github.metasweep.model.symmetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariant function estimated from the same samples the differential method sees, for a fair functional
 * baseline: Nadaraya-Watson regression with a Gaussian kernel of bandwidth h over the samples within 3h (a smooth
 * function of the query point away from that cut-off); NaN where no sample is that close.
 */
final class RewardRegression {
    private final double[][] points;
    private final double[] values;
    private final double h;
    private final Map<Long, List<Integer>> grid = new HashMap<>();

    RewardRegression(double[][] points, double[] values, double bandwidth) {
        this.points = points;
        this.values = values;
        this.h = bandwidth;
        for (int i = 0; i < points.length; i++) {
            grid.computeIfAbsent(key(cell(points[i][0]), cell(points[i][1])), k -> new ArrayList<>()).add(i);
        }
    }

    private long cell(double x) {
        return Math.round(Math.floor(x / (3 * h)));
    }

    private static long key(long x, long y) {
        return x * 1_000_003L + y;
    }

    double at(double[] q) {
        long cx = cell(q[0]);
        long cy = cell(q[1]);
        double weights = 0;
        double sum = 0;
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                List<Integer> near = grid.get(key(cx + dx, cy + dy));
                if (near == null) {
                    continue;
                }
                for (int j : near) {
                    double d2 = Math.pow(points[j][0] - q[0], 2) + Math.pow(points[j][1] - q[1], 2);
                    if (d2 <= 9 * h * h) {
                        double w = Math.exp(-d2 / (2 * h * h));
                        weights += w;
                        sum += w * values[j];
                    }
                }
            }
        }
        return weights > 0 ? sum / weights : Double.NaN;
    }
}
