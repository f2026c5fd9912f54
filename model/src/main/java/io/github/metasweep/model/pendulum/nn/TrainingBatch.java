package io.github.metasweep.model.pendulum.nn;

/**
 * One update's data, float32 as the reference's tensors: {@code n} states (row-major, 2 per row),
 * the action target and the immediate reward of each row.
 */
public record TrainingBatch(int rows, float[] states, float[] actionTargets, float[] rewards) {
    public TrainingBatch {
        if (states.length != rows * NetworkShape.STATE_DIM || actionTargets.length != rows || rewards.length != rows) {
            throw new IllegalArgumentException("batch arrays do not match " + rows + " rows");
        }
    }

    /** The rows at {@code indices}, in that order. */
    public TrainingBatch select(int[] indices) {
        float[] s = new float[indices.length * NetworkShape.STATE_DIM];
        float[] a = new float[indices.length];
        float[] r = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            s[2 * i] = states[2 * row];
            s[2 * i + 1] = states[2 * row + 1];
            a[i] = actionTargets[row];
            r[i] = rewards[row];
        }
        return new TrainingBatch(indices.length, s, a, r);
    }
}
