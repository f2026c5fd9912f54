package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;

/**
 * The {@code hereditary} agent in one test episode (docs/protocols/hereditary-symmetry.md): it acts uniformly at
 * random for {@code probeSteps} steps (their rewards count), then infers the group element, the rotation angle w
 * that carries the base goal to the test goal, from the transitions seen so far, and acts with the base task's
 * policy transformed by it, {@code R(w) pi_0(R(-w) p)}; it infers again after each step until it has seen
 * {@link #INFER_TRANSITIONS} transitions (one transition leaves two mirror-image candidates; the next settles
 * it), then keeps its angle. The angle minimises the squared mismatch between the observed
 * rewards and the base task's reward at the states mapped back, {@code sum_i (r_i + ||R(-w) p'_i - g_0||)^2}: a
 * grid over the circle (the group is compact and one-dimensional), then a golden-section refinement.
 */
final class HereditaryController implements NavController {
    static final int GRID = 720;
    static final int INFER_TRANSITIONS = 10;

    private final NavPolicy base;
    private final double[] baseGoal;
    private final int probeSteps;
    private final GaussianStream probe;
    private final java.util.List<double[]> seen = new java.util.ArrayList<>();
    private final java.util.List<Double> rewards = new java.util.ArrayList<>();
    private NavPolicy transformed;
    private double angle = Double.NaN;
    private int inferredFrom;

    HereditaryController(NavPolicy base, double[] baseGoal, int probeSteps, GaussianStream probe) {
        this.base = base;
        this.baseGoal = baseGoal.clone();
        this.probeSteps = probeSteps;
        this.probe = probe;
    }

    @Override
    public double[] action(double[] p) {
        if (seen.size() < probeSteps) {
            return PointNav.randomAction(probe);
        }
        if (transformed == null || seen.size() <= INFER_TRANSITIONS && seen.size() > inferredFrom) {
            inferredFrom = seen.size();
            angle = inferAngle(seen.toArray(new double[0][]), rewards.stream().mapToDouble(Double::doubleValue)
                    .toArray(), baseGoal);
            transformed = NavPolicy.rotated(base, angle);
        }
        return transformed.action(p);
    }

    @Override
    public void observe(double[] next, double reward) {
        seen.add(next.clone());
        rewards.add(reward);
    }

    /** The inferred angle (NaN before the probing ended). */
    double angle() {
        return angle;
    }

    /** The rotation angle in [0, 2 pi) that best explains the rewards at the positions under the base task's reward. */
    static double inferAngle(double[][] next, double[] reward, double[] baseGoal) {
        double best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        double step = 2 * Math.PI / GRID;
        for (int k = 0; k < GRID; k++) {
            double c = mismatch(k * step, next, reward, baseGoal);
            if (c < bestCost) {
                bestCost = c;
                best = k * step;
            }
        }
        double lo = best - step;
        double hi = best + step;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 60; it++) {
            double a = hi - ratio * (hi - lo);
            double b = lo + ratio * (hi - lo);
            if (mismatch(a, next, reward, baseGoal) < mismatch(b, next, reward, baseGoal)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double w = (lo + hi) / 2;
        return w - 2 * Math.PI * Math.floor(w / (2 * Math.PI));
    }

    private static double mismatch(double w, double[][] next, double[] reward, double[] baseGoal) {
        double cos = Math.cos(w);
        double sin = Math.sin(w);
        double gx = cos * baseGoal[0] - sin * baseGoal[1];
        double gy = sin * baseGoal[0] + cos * baseGoal[1];
        double sum = 0;
        for (int i = 0; i < next.length; i++) {
            // ||R(-w) p' - g_0|| = ||p' - R(w) g_0||
            double e = reward[i] + Math.hypot(next[i][0] - gx, next[i][1] - gy);
            sum += e * e;
        }
        return sum;
    }
}
