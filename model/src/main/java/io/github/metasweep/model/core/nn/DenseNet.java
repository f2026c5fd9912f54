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
 * gradient (ReLU's second derivative is zero almost everywhere). Batch passes ({@link #newBatchPass}) run many
 * points at once as matrix products on {@link Gemm}. Not thread-safe.
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
    // the batch passes' layout: W^T (in x out) and W (out x in) row-major, and their gathered gradient (out x in)
    private final double[][] colsFlat;
    private final double[][] rowsFlat;
    private final double[][] gradFlat;
    private final boolean batched;

    /** A network for one-point passes ({@link #newPass}). */
    public DenseNet(int... sizes) {
        this(false, sizes);
    }

    /** A network for batch passes ({@link #newBatchPass}): many points at once as matrix products. */
    public static DenseNet batched(int... sizes) {
        return new DenseNet(true, sizes);
    }

    private DenseNet(boolean batched, int... sizes) {
        this.batched = batched;
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        this.weightAt = new int[layers];
        this.rows = new double[layers][][];
        this.cols = new double[layers][][];
        this.bias = new double[layers][];
        this.gradRows = new double[layers][][];
        this.gradBias = new double[layers][];
        this.colsFlat = new double[layers][];
        this.rowsFlat = new double[layers][];
        this.gradFlat = new double[layers][];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            weightAt[l] = at;
            at += sizes[l] * sizes[l + 1] + sizes[l + 1];
            rows[l] = batched ? null : new double[sizes[l + 1]][sizes[l]];
            cols[l] = batched ? null : new double[sizes[l]][sizes[l + 1]];
            gradRows[l] = batched ? null : new double[sizes[l + 1]][sizes[l]];
            bias[l] = new double[sizes[l + 1]];
            gradBias[l] = new double[sizes[l + 1]];
            colsFlat[l] = batched ? new double[sizes[l] * sizes[l + 1]] : null;
            rowsFlat[l] = batched ? new double[sizes[l] * sizes[l + 1]] : null;
            gradFlat[l] = batched ? new double[sizes[l] * sizes[l + 1]] : null;
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

    /** Takes the parameters at {@code p[at..]} for the passes that follow, in its kind of pass's layout. */
    public void load(double[] p, int at) {
        for (int l = 0; l < sizes.length - 1; l++) {
            int n = sizes[l];
            int m = sizes[l + 1];
            int w = at + weightAt[l];
            if (!batched) {
                for (int o = 0; o < m; o++) {
                    System.arraycopy(p, w + o * n, rows[l][o], 0, n);
                }
                for (int i = 0; i < n; i++) { // one column at a time: strided reads, contiguous writes
                    double[] c = cols[l][i];
                    for (int o = 0; o < m; o++) {
                        c[o] = p[w + o * n + i];
                    }
                }
            } else {
                System.arraycopy(p, w, rowsFlat[l], 0, n * m);
                double[] c = colsFlat[l];
                for (int i = 0; i < n; i++) {
                    for (int o = 0; o < m; o++) {
                        c[i * m + o] = p[w + o * n + i];
                    }
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
                // the weights into output o: row o of the batch layout, or the one-point layout's own array
                double[] g = batched ? gradFlat[l] : gradRows[l][o];
                int from = batched ? o * n : 0;
                int row = w + o * n;
                for (int i = 0; i < n; i++) {
                    grad[row + i] += g[from + i];
                    g[from + i] = 0;
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

    /** A one-point pass (a network made by the constructor). */
    public Pass newPass() {
        if (batched) {
            throw new IllegalStateException("a batched network has batch passes only");
        }
        return new Pass();
    }

    /** Activations of up to {@code capacity} points at once, row-major, reused across calls. */
    public final class BatchPass {
        private final int capacity;
        private final double[][] act = new double[sizes.length][];
        private final double[][] delta = new double[sizes.length][];

        private BatchPass(int capacity) {
            this.capacity = capacity;
            for (int l = 0; l < sizes.length; l++) {
                act[l] = new double[capacity * sizes[l]];
                delta[l] = new double[capacity * sizes[l]];
            }
        }

        /** The outputs of the last {@link #forward(double[], int, BatchPass)}, one row per point. */
        public double[] output() {
            return act[sizes.length - 1];
        }

        public int capacity() {
            return capacity;
        }
    }

    /** A pass of up to {@code capacity} points as matrix products (a network made by {@link #batched}). */
    public BatchPass newBatchPass(int capacity) {
        if (!batched) {
            throw new IllegalStateException("a one-point network has one-point passes only");
        }
        return new BatchPass(capacity);
    }

    /**
     * The outputs for {@code n} points, the rows of {@code in} ({@code n x inputs}), copied into the pass: each layer
     * one product on {@link Gemm} (every output an ordered chain of fused multiply-adds from its bias).
     */
    public double[] forward(double[] in, int n, BatchPass pass) {
        System.arraycopy(in, 0, pass.act[0], 0, n * sizes[0]);
        int last = sizes.length - 2;
        for (int l = 0; l <= last; l++) {
            int width = sizes[l + 1];
            double[] y = pass.act[l + 1];
            for (int r = 0; r < n; r++) {
                System.arraycopy(bias[l], 0, y, r * width, width);
            }
            Gemm.multiply(pass.act[l], sizes[l], 1, colsFlat[l], y, n, sizes[l], width, true);
            if (l < last) {
                for (int i = 0; i < n * width; i++) {
                    y[i] = Math.max(y[i], 0.0);
                }
            }
        }
        return pass.output();
    }

    /**
     * Back-propagates {@code sum over points of dOut_r . out_r} ({@code dOut}: n x outputs) through the last batch
     * forward: gathers the parameter gradient and writes the input gradient (n x inputs) into {@code dIn} unless null.
     */
    public void backward(BatchPass pass, int n, double[] dOut, double[] dIn) {
        int top = sizes.length - 1;
        System.arraycopy(dOut, 0, pass.delta[top], 0, n * sizes[top]);
        for (int l = top - 1; l >= 0; l--) {
            int in = sizes[l];
            int m = sizes[l + 1];
            double[] d = pass.delta[l + 1];
            double[] gb = gradBias[l];
            for (int r = 0; r < n; r++) {
                for (int o = 0; o < m; o++) {
                    gb[o] += d[r * m + o];
                }
            }
            // dW (m x in) += D^T X, the points the inner index
            Gemm.multiply(d, 1, m, pass.act[l], gradFlat[l], m, n, in, true);
            if (l > 0 || dIn != null) {
                double[] dx = pass.delta[l];
                Gemm.multiply(d, m, 1, rowsFlat[l], dx, n, m, in, false);
                if (l > 0) { // through the ReLU of layer l
                    double[] x = pass.act[l];
                    for (int i = 0; i < n * in; i++) {
                        if (x[i] <= 0) {
                            dx[i] = 0;
                        }
                    }
                }
            }
        }
        if (dIn != null) {
            System.arraycopy(pass.delta[0], 0, dIn, 0, n * sizes[0]);
        }
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
