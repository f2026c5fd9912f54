package io.github.metasweep.spark.stats;

import java.util.OptionalInt;

/** TEMPORARY stand-in until the statistics branch lands. */
public final class PairedSampleSize {
    private PairedSampleSize() {
    }

    public static OptionalInt seeds(double mean, double sd, double alpha, double power) {
        if (!(Math.abs(mean) > 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
            return OptionalInt.empty();
        }
        double z = 1.959964 + 0.841621;
        return OptionalInt.of((int) Math.ceil(z * z * sd * sd / (mean * mean)) + 1);
    }
}
