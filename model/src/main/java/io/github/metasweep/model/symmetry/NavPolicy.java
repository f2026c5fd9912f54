package io.github.metasweep.model.symmetry;

/** A stationary policy of the point-navigation task: the action at a position, whatever was observed before. */
public interface NavPolicy extends NavController {
    @Override
    double[] action(double[] p);

    /** Moves straight towards {@code goal} at speed 0.1 (Euclidean), landing on it when closer. */
    static NavPolicy straightTo(double[] goal) {
        return p -> {
            double dx = goal[0] - p[0];
            double dy = goal[1] - p[1];
            double scale = Math.min(1.0, PointNav.ACTION_LIMIT / Math.max(Math.hypot(dx, dy), 1e-300));
            return new double[] {dx * scale, dy * scale};
        };
    }

    /**
     * The hereditary transform of a base policy by the rotation of angle t about the origin (the task-space
     * symmetry): {@code pi_t(s) = R(t) pi_0(R(-t) s)}: the state is mapped back into the base task, the base
     * action forward.
     */
    static NavPolicy rotated(NavPolicy base, double t) {
        double[] forward = Generator2.exp(Generator2.scale(Generator2.ROTATION, t));
        double[] back = Generator2.exp(Generator2.scale(Generator2.ROTATION, -t));
        return p -> Generator2.apply(forward, base.action(Generator2.apply(back, p)));
    }
}
