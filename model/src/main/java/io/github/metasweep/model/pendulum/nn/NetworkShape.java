package io.github.metasweep.model.pendulum.nn;

import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.core.GaussianStream;

/**
 * The policy and value networks of protocol section 2: 2 -> hidden -> hidden -> 1 each, the policy
 * optionally gated after each hidden ReLU, the gates optionally hierarchical (blocks of units).
 *
 * <p>Weights are stored {@code [in][out]} row-major, so {@code x W} is a plain matrix product and the
 * per-step forward pass is a vectorisable loop.
 */
public record NetworkShape(int hidden, boolean gated, boolean blocks, int blockSize, double blockScale) {
    public static final int STATE_DIM = 2;
    /** Gated hidden layers of the policy. */
    public static final int GATED_LAYERS = 2;

    public NetworkShape {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, was " + hidden);
        }
        if (blocks && (!gated || blockSize < 1)) {
            throw new IllegalArgumentException("blocks need gates and a block size >= 1");
        }
    }

    public static NetworkShape plain(int hidden) {
        return new NetworkShape(hidden, false, false, 16, 0.3);
    }

    /** Blocks per gated layer; the last block may be partial, as in the reference. */
    public int blocksPerLayer() {
        return blocks ? (hidden + blockSize - 1) / blockSize : 0;
    }

    public ParameterLayout layout() {
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (String net : new String[] {"pi", "v"}) {
            b.add(net + ".w1", STATE_DIM, hidden, ParameterGroup.WEIGHT)
                    .add(net + ".b1", 1, hidden, ParameterGroup.WEIGHT)
                    .add(net + ".w2", hidden, hidden, ParameterGroup.WEIGHT)
                    .add(net + ".b2", 1, hidden, ParameterGroup.WEIGHT)
                    .add(net + ".w3", hidden, 1, ParameterGroup.WEIGHT)
                    .add(net + ".b3", 1, 1, ParameterGroup.WEIGHT);
        }
        if (gated) {
            b.add("k.layer", 1, GATED_LAYERS, ParameterGroup.GATE);
            if (blocks) {
                b.add("k.block", GATED_LAYERS, blocksPerLayer(), ParameterGroup.GATE);
            }
            b.add("k.target", 1, GATED_LAYERS, ParameterGroup.GATE);
        }
        return b.build();
    }

    /**
     * PyTorch's default Linear initialisation (weights and biases uniform in +-1/sqrt(fan_in)), the
     * gates at {@code kInit} and the k-targets at {@code kTargetInit}; values rounded to {@code precision}.
     */
    public double[] initialize(GaussianStream init, double kInit, double kTargetInit, Precision precision) {
        ParameterLayout layout = layout();
        double[] p = new double[layout.size()];
        for (String net : new String[] {"pi", "v"}) {
            fillUniform(p, layout.get(net + ".w1"), STATE_DIM, init);
            fillUniform(p, layout.get(net + ".b1"), STATE_DIM, init);
            fillUniform(p, layout.get(net + ".w2"), hidden, init);
            fillUniform(p, layout.get(net + ".b2"), hidden, init);
            fillUniform(p, layout.get(net + ".w3"), hidden, init);
            fillUniform(p, layout.get(net + ".b3"), hidden, init);
        }
        if (gated) {
            fill(p, layout.get("k.layer"), kInit);
            if (blocks) {
                fill(p, layout.get("k.block"), kInit);
            }
            fill(p, layout.get("k.target"), kTargetInit);
        }
        precision.roundAll(p);
        return p;
    }

    private static void fillUniform(double[] p, Segment s, int fanIn, GaussianStream init) {
        double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = s.offset(); i < s.end(); i++) {
            p[i] = init.uniform(-bound, bound);
        }
    }

    private static void fill(double[] p, Segment s, double value) {
        java.util.Arrays.fill(p, s.offset(), s.end(), value);
    }
}
