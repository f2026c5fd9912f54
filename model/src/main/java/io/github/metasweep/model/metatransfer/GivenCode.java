package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;
import java.util.function.Function;

/**
 * A control's "encoder" that learns nothing: the code is given. The query oracle gets the task's true parameters
 * ((A, b) for cos-sin, the maze's obstacles, the cart-pole's length and gravity); the task-blind control gets the
 * same zeros for every task, so its decoder learns the one query network that fits all tasks best.
 */
final class GivenCode implements Encoder {
    private final int size;
    private final Function<TransferTask, double[]> code;

    private GivenCode(int size, Function<TransferTask, double[]> code) {
        this.size = size;
        this.code = code;
    }

    /** The task's true parameters, {@code size} of them. */
    static GivenCode truth(int size) {
        return new GivenCode(size, task -> task.truth);
    }

    /** Zeros of {@code size}, whatever the task. */
    static GivenCode blind(int size) {
        double[] zeros = new double[size];
        return new GivenCode(size, task -> zeros);
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public int codeSize() {
        return size;
    }

    @Override
    public void init(GaussianStream random, double[] p, int at) {
    }

    @Override
    public double[] encode(double[] p, int at, TransferTask task) {
        return code.apply(task);
    }

    @Override
    public void backward(double[] p, int at, double[] dz, double[] grad) {
    }
}
