package io.github.metasweep.model.core.optim;

/** Numeric precision of a network's math: float32 as in the reference, float64 for gradient checks. */
public enum Precision {
    FLOAT32,
    FLOAT64;

    /** Rounds a stored parameter to this precision, so float32 runs keep float32 weights. */
    public double round(double value) {
        return this == FLOAT32 ? (double) (float) value : value;
    }

    public void roundAll(double[] values) {
        if (this == FLOAT32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
    }
}
