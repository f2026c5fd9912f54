package io.github.metasweep.model.core.nn;

import io.github.metasweep.model.core.GaussianStream;

/**
 * A fully connected network on plain arrays: ReLU hidden layers, a linear output, float64. Its parameters live in a
 * caller's flat vector at an offset, layer by layer: W (out-major, {@code W[o][i]} at {@code o * in + i}), then b.
 * {@link #load} copies them into one array per output unit and, transposed, one per input unit, so that the
 * forward and backward loops are axpys over one array index, which Java's auto-vectoriser handles; a load serves
 * every point of every task until the parameters change (a training step), and {@link #flushGradient} adds the
 * gradient gathered since into a flat vector. Besides the forward pass and back-propagation it has a tangent
 * (forward-mode) pass along an input direction and the back-propagation of {@code dOut . out + dTangent . tangent}
 * through both, which a hypernetwork (meta-transfer's non-linear encoder) needs for its exact second-order
 * gradient (ReLU's second derivative is zero almost everywhere). Not thread-safe.
 */
public final class DenseNet {
    private final int[] sizes;
    private final int[] weightAt;
    private final int size;
    private final double[][][] rows;
    private final double[][][] cols;
    private final double[][] bias;
    private final double[][][] gradRows;
    private final double[][] gradBias;

    public DenseNet(int... sizes) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        this.weightAt = new int[layers];
        this.rows = new double[layers][][];
        this.cols = new double[layers][][];
        this.bias = new double[layers][];
        this.gradRows = new double[layers][][];
        this.gradBias = new double[layers][];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            weightAt[l] = at;
            at += sizes[l] * sizes[l + 1] + sizes[l + 1];
            rows[l] = new double[sizes[l + 1]][sizes[l]];
            cols[l] = new double[sizes[l]][sizes[l + 1]];
            gradRows[l] = new double[sizes[l + 1]][sizes[l]];
            bias[l] = new double[sizes[l + 1]];
            gradBias[l] = new double[sizes[l + 1]];
        }
        this.size = at;
    }

    public int size() {
        return size;
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** PyTorch's nn.Linear initialisation: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)), into p at {@code at}. */
    public void init(GaussianStream random, double[] p, int at) {
        for (int l = 0; l < sizes.length - 1; l++) {
            double bound = 1.0 / Math.sqrt(sizes[l]);
            int from = at + weightAt[l];
            int to = from + sizes[l] * sizes[l + 1] + sizes[l + 1];
            for (int i = from; i < to; i++) {
                p[i] = random.uniform(-bound, bound);
            }
        }
    }

    /** Offset of the last layer's bias within the network's parameters. */
    public int outputBiasAt() {
        int l = sizes.length - 2;
        return weightAt[l] + sizes[l] * sizes[l + 1];
    }

    /** Offset of the last layer's weights within the network's parameters. */
    public int outputWeightsAt() {
        return weightAt[sizes.length - 2];
    }

    /** Takes the parameters at {@code p[at..]} for the passes that follow. */
    public void load(double[] p, int at) {
        for (int l = 0; l < sizes.length - 1; l++) {
            int n = sizes[l];
            int m = sizes[l + 1];
            int w = at + weightAt[l];
            for (int o = 0; o < m; o++) {
                System.arraycopy(p, w + o * n, rows[l][o], 0, n);
            }
            for (int i = 0; i < n; i++) { // one column at a time: strided reads, contiguous writes
                double[] c = cols[l][i];
                for (int o = 0; o < m; o++) {
                    c[o] = p[w + o * n + i];
                }
            }
            System.arraycopy(p, w + n * m, bias[l], 0, m);
        }
    }

    /**
     * Adds the parameter gradient gathered by the backward passes since the last flush into {@code grad} at
     * {@code gradAt}, and clears it (one pass over it, instead of clearing at every load).
     */
    public void flushGradient(double[] grad, int gradAt) {
        for (int l = 0; l < sizes.length - 1; l++) {
            int n = sizes[l];
            int m = sizes[l + 1];
            int w = gradAt + weightAt[l];
            for (int o = 0; o < m; o++) {
                int row = w + o * n;
                double[] g = gradRows[l][o];
                for (int i = 0; i < n; i++) {
                    grad[row + i] += g[i];
                    g[i] = 0;
                }
                grad[w + n * m + o] += gradBias[l][o];
                gradBias[l][o] = 0;
            }
        }
    }

    /** Activations of one pass (and its tangents), reused across calls. */
    public final class Pass {
        private final double[][] act = new double[sizes.length][];
        private final double[][] tan = new double[sizes.length][];
        private final double[][] delta = new double[sizes.length][];
        private final double[][] tanDelta = new double[sizes.length][];

        private Pass() {
            for (int l = 0; l < sizes.length; l++) {
                act[l] = new double[sizes[l]];
                tan[l] = new double[sizes[l]];
                delta[l] = new double[sizes[l]];
                tanDelta[l] = new double[sizes[l]];
            }
        }

        public double[] output() {
            return act[sizes.length - 1];
        }

        public double[] tangentOutput() {
            return tan[sizes.length - 1];
        }
    }

    public Pass newPass() {
        return new Pass();
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] += a * x[k];
        }
    }

    /** The output for {@code in} (copied into the pass); with {@code tangentIn} also its directional derivative. */
    public double[] forward(double[] in, double[] tangentIn, Pass pass) {
        System.arraycopy(in, 0, pass.act[0], 0, sizes[0]);
        boolean tangent = tangentIn != null;
        if (tangent) {
            System.arraycopy(tangentIn, 0, pass.tan[0], 0, sizes[0]);
        }
        int last = sizes.length - 2;
        for (int l = 0; l <= last; l++) {
            double[] x = pass.act[l];
            double[] y = pass.act[l + 1];
            double[] tx = pass.tan[l];
            double[] ty = pass.tan[l + 1];
            // y = b + sum_i x_i W[:, i]: axpys over the transposed weights vectorise (a dot product's ordered
            // sum does not), and an input the ReLU switched off costs nothing
            System.arraycopy(bias[l], 0, y, 0, y.length);
            java.util.Arrays.fill(ty, 0.0);
            for (int i = 0; i < x.length; i++) {
                if (x[i] != 0) {
                    axpy(x[i], cols[l][i], y);
                }
                if (tangent && tx[i] != 0) {
                    axpy(tx[i], cols[l][i], ty);
                }
            }
            if (l < last) { // ReLU on hidden layers, linear output; the tangent takes the same 0/1 factor
                for (int o = 0; o < y.length; o++) {
                    if (y[o] <= 0) {
                        y[o] = 0;
                        ty[o] = 0;
                    }
                }
            }
        }
        return pass.output();
    }

    /**
     * Back-propagates {@code dOut . out} (and, unless {@code dTangentOut} is null, {@code dTangentOut . tangentOut})
     * of the pass: gathers the parameter gradient when {@code parameters}; writes the input gradient into
     * {@code dIn} and the tangent-input gradient into {@code dTangentIn} unless they are null.
     */
    public void backward(Pass pass, double[] dOut, double[] dTangentOut, boolean parameters, double[] dIn,
                  double[] dTangentIn) {
        int top = sizes.length - 1;
        boolean tangent = dTangentOut != null;
        System.arraycopy(dOut, 0, pass.delta[top], 0, sizes[top]);
        java.util.Arrays.fill(pass.tanDelta[top], 0.0);
        if (tangent) {
            System.arraycopy(dTangentOut, 0, pass.tanDelta[top], 0, sizes[top]);
        }
        for (int l = top - 1; l >= 0; l--) {
            double[] dy = pass.delta[l + 1];
            double[] tdy = pass.tanDelta[l + 1];
            double[] x = pass.act[l];
            double[] tx = pass.tan[l];
            double[] dx = pass.delta[l];
            double[] tdx = pass.tanDelta[l];
            boolean needInput = l > 0 || dIn != null || dTangentIn != null;
            java.util.Arrays.fill(dx, 0.0);
            java.util.Arrays.fill(tdx, 0.0);
            for (int o = 0; o < dy.length; o++) {
                double d = dy[o];
                double td = tangent ? tdy[o] : 0;
                if (d == 0 && td == 0) {
                    continue;
                }
                if (parameters) {
                    gradBias[l][o] += d;
                    double[] g = gradRows[l][o];
                    if (tangent) {
                        for (int i = 0; i < g.length; i++) {
                            g[i] += d * x[i] + td * tx[i];
                        }
                    } else {
                        axpy(d, x, g);
                    }
                }
                if (needInput) {
                    double[] w = rows[l][o];
                    if (tangent) {
                        for (int i = 0; i < w.length; i++) {
                            dx[i] += w[i] * d;
                            tdx[i] += w[i] * td;
                        }
                    } else {
                        axpy(d, w, dx);
                    }
                }
            }
            if (l > 0) { // through the ReLU of layer l: the same 0/1 factor for value and tangent
                for (int i = 0; i < x.length; i++) {
                    if (x[i] <= 0) {
                        dx[i] = 0;
                        tdx[i] = 0;
                    }
                }
            }
        }
        if (dIn != null) {
            System.arraycopy(pass.delta[0], 0, dIn, 0, sizes[0]);
        }
        if (dTangentIn != null) {
            System.arraycopy(pass.tanDelta[0], 0, dTangentIn, 0, sizes[0]);
        }
    }
}
