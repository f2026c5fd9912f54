package io.github.metasweep.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleSupplier;

/** Checks an analytic gradient against central finite differences of its loss, entry by entry. */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /**
     * Asserts that {@code grad[i]} equals {@code (loss(p + h e_i) - loss(p - h e_i)) / 2h} within
     * {@code tolerance * max(1, |difference|)} for every i, moving {@code params} in place and restoring it; returns
     * the squared norm of the differences (so a caller can also check that the loss depends on the parameters).
     */
    public static double assertGradient(double[] params, double[] grad, DoubleSupplier loss, double h,
                                        double tolerance, String what) {
        double norm = 0;
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = keep + h;
            double up = loss.getAsDouble();
            params[i] = keep - h;
            double down = loss.getAsDouble();
            params[i] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad[i], tolerance * Math.max(1, Math.abs(fd)), what + " parameter " + i);
            norm += fd * fd;
        }
        return norm;
    }
}
