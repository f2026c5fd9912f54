package io.github.metasweep.model.pendulum.nn;

/**
 * The effective per-unit gates of a gated policy (protocol section 2) and their backward pass.
 *
 * <p>Without blocks: {@code gate_i = sigmoid(k_i)} on every unit. With blocks:
 * {@code gate_i[u] = clamp(sigmoid(k_i) + scale*sigmoid(kb_i[u/blockSize]), 0, 1)}, whose gradient,
 * as PyTorch's clamp, passes where the unclamped value lies inside [0, 1] inclusive.
 */
public final class Gates {
    private final NetworkShape shape;
    private final double[][] gate;
    private final double[][] unclamped;
    private final double[] layerSigmoid;
    private final double[][] blockSigmoid;

    private Gates(NetworkShape shape) {
        this.shape = shape;
        int h = shape.hidden();
        this.gate = new double[NetworkShape.GATED_LAYERS][h];
        this.unclamped = new double[NetworkShape.GATED_LAYERS][h];
        this.layerSigmoid = new double[NetworkShape.GATED_LAYERS];
        this.blockSigmoid = new double[NetworkShape.GATED_LAYERS][shape.blocksPerLayer()];
    }

    /** Gates of a gated shape at parameters {@code p} (laid out by {@code shape.layout()}). */
    public static Gates of(NetworkShape shape, ParameterLayout layout, double[] p) {
        Gates g = new Gates(shape);
        int kLayer = layout.get("k.layer").offset();
        int nb = shape.blocksPerLayer();
        int kBlock = shape.blocks() ? layout.get("k.block").offset() : -1;
        for (int layer = 0; layer < NetworkShape.GATED_LAYERS; layer++) {
            double s = Sigmoid.of(p[kLayer + layer]);
            g.layerSigmoid[layer] = s;
            for (int b = 0; b < nb; b++) {
                g.blockSigmoid[layer][b] = Sigmoid.of(p[kBlock + layer * nb + b]);
            }
            for (int u = 0; u < shape.hidden(); u++) {
                double pre = shape.blocks() ? s + shape.blockScale() * g.blockSigmoid[layer][u / shape.blockSize()] : s;
                g.unclamped[layer][u] = pre;
                g.gate[layer][u] = shape.blocks() ? Math.min(1.0, Math.max(0.0, pre)) : pre;
            }
        }
        return g;
    }

    /** Per-unit gate of layer {@code layer} (0 or 1). */
    public double[] gate(int layer) {
        return gate[layer];
    }

    public double layerSigmoid(int layer) {
        return layerSigmoid[layer];
    }

    /** Mean of sigmoid(k_block) of a layer, as the reference's get_k_values reports it; NaN without blocks. */
    public double meanBlockSigmoid(int layer) {
        double[] b = blockSigmoid[layer];
        if (b.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : b) {
            sum += v;
        }
        return sum / b.length;
    }

    /**
     * Adds to {@code grad} the gradient reaching the k parameters from {@code dGate[layer][unit]}, the
     * loss gradient with respect to each effective gate.
     */
    public void backward(ParameterLayout layout, double[][] dGate, double[] grad) {
        int kLayer = layout.get("k.layer").offset();
        int nb = shape.blocksPerLayer();
        int kBlock = shape.blocks() ? layout.get("k.block").offset() : -1;
        for (int layer = 0; layer < NetworkShape.GATED_LAYERS; layer++) {
            double sumLayer = 0.0;
            double[] sumBlock = new double[nb];
            for (int u = 0; u < shape.hidden(); u++) {
                double pre = unclamped[layer][u];
                boolean passes = !shape.blocks() || (pre >= 0.0 && pre <= 1.0);
                if (passes) {
                    sumLayer += dGate[layer][u];
                    if (shape.blocks()) {
                        sumBlock[u / shape.blockSize()] += dGate[layer][u];
                    }
                }
            }
            grad[kLayer + layer] += sumLayer * Sigmoid.slope(layerSigmoid[layer]);
            for (int b = 0; b < nb; b++) {
                double sb = blockSigmoid[layer][b];
                grad[kBlock + layer * nb + b] += shape.blockScale() * Sigmoid.slope(sb) * sumBlock[b];
            }
        }
    }
}
