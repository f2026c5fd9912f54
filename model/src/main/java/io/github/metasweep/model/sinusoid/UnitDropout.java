package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import io.github.metasweep.model.core.GaussianStream;
import java.util.Arrays;

/**
 * Test-time structure damage for the structure-adaptability experiment (docs/protocols/neuronml.md): a fraction of
 * each hidden layer's units is disabled by zeroing every parameter into and out of them, and kept at zero through
 * adaptation by masking the gradient. Each task's units come from one random order per layer, drawn from the seed's
 * {@code dropout} stream, and a larger fraction disables a superset of a smaller one: the same units for every method
 * of a seed and task (the draws depend only on the seed, the task's index and the layer width).
 */
final class UnitDropout {
    /** The fractions every run evaluates; 0 is the ordinary evaluation. */
    static final double[] FRACTIONS = {0.0, 0.1, 0.3, 0.5};

    private final Mlp net;
    private final GaussianStream stream;
    private final int[] order1;
    private final int[] order2;

    UnitDropout(Mlp net, long seed) {
        this.net = net;
        this.stream = GaussianStream.forRun(seed, "dropout");
        this.order1 = new int[net.h];
        this.order2 = new int[net.h];
    }

    /** Draws the next task's unit orders. */
    void nextTask() {
        shuffle(order1);
        shuffle(order2);
    }

    private void shuffle(int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = (int) stream.uniform(0, i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Units disabled per layer at a fraction: round(fraction * width). */
    static int dropped(double fraction, int width) {
        return (int) Math.round(fraction * width);
    }

    /** 1 for every parameter the current task keeps at this fraction, 0 for those into or out of a dropped unit. */
    double[] keep(double fraction) {
        double[] keep = new double[net.size];
        Arrays.fill(keep, 1.0);
        int h = net.h;
        for (int n = 0; n < dropped(fraction, h); n++) {
            int j = order1[n];
            for (int i = 0; i < net.d; i++) {
                keep[net.oW1 + i * h + j] = 0; // into unit j of layer 1
            }
            keep[net.oB1 + j] = 0;
            for (int o = 0; o < h; o++) {
                keep[net.oW2 + j * h + o] = 0; // out of it
            }
        }
        for (int n = 0; n < dropped(fraction, h); n++) {
            int j = order2[n];
            for (int i = 0; i < h; i++) {
                keep[net.oW2 + i * h + j] = 0;
            }
            keep[net.oB2 + j] = 0;
            keep[net.oW3 + j] = 0;
        }
        return keep;
    }
}
