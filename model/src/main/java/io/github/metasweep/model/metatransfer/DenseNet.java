package io.github.metasweep.model.metatransfer;

import io.github.metasweep.model.core.GaussianStream;

/**
 * A fully connected network on plain arrays: ReLU hidden layers, a linear output, float64. Its parameters live in a
 * caller's flat vector at an offset, layer by layer: W (out-major, {@code W[o][i]} at {@code o * in + i}), then b.
 * Besides the forward pass and back-propagation it has a tangent (forward-mode) pass along an input direction and
 * the back-propagation of {@code dOut . out + dTangent . tangent} through both, which the hypernetwork encoder
 * needs for its exact second-order gradient (ReLU's second derivative is zero almost everywhere).
 */
final class DenseNet {
    private final int[] sizes;
    private final int[] weightAt;
    private final int size;

    DenseNet(int... sizes) {
        this.sizes = sizes.clone();
        this.weightAt = new int[sizes.length - 1];
        int at = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            weightAt[l] = at;
            at += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        this.size = at;
    }

    int size() {
        return size;
    }

    int inputs() {
        return sizes[0];
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    /** PyTorch's nn.Linear initialisation: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)), into p at {@code at}. */
    void init(GaussianStream random, double[] p, int at) {
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
    int outputBiasAt() {
        int l = sizes.length - 2;
        return weightAt[l] + sizes[l] * sizes[l + 1];
    }

    /** Offset of the last layer's weights within the network's parameters. */
    int outputWeightsAt() {
        return weightAt[sizes.length - 2];
    }

    /** Activations of one pass (and its tangents), reused across calls. */
    final class Pass {
        final double[][] act = new double[sizes.length][];
        final double[][] tan = new double[sizes.length][];
        private final double[][] delta = new double[sizes.length][];
        private final double[][] tanDelta = new double[sizes.length][];

        Pass() {
            for (int l = 0; l < sizes.length; l++) {
                act[l] = new double[sizes[l]];
                tan[l] = new double[sizes[l]];
                delta[l] = new double[sizes[l]];
                tanDelta[l] = new double[sizes[l]];
            }
        }

        double[] output() {
            return act[sizes.length - 1];
        }

        double[] tangentOutput() {
            return tan[sizes.length - 1];
        }
    }

    Pass newPass() {
        return new Pass();
    }

    /** The output for {@code in} (copied into the pass); with {@code tangentIn} also its directional derivative. */
    double[] forward(double[] p, int at, double[] in, double[] tangentIn, Pass pass) {
        System.arraycopy(in, 0, pass.act[0], 0, sizes[0]);
        boolean tangent = tangentIn != null;
        if (tangent) {
            System.arraycopy(tangentIn, 0, pass.tan[0], 0, sizes[0]);
        }
        int last = sizes.length - 2;
        for (int l = 0; l <= last; l++) {
            int n = sizes[l];
            int m = sizes[l + 1];
            int w = at + weightAt[l];
            int b = w + n * m;
            double[] x = pass.act[l];
            double[] y = pass.act[l + 1];
            double[] tx = pass.tan[l];
            double[] ty = pass.tan[l + 1];
            for (int o = 0; o < m; o++) {
                double s = p[b + o];
                double t = 0;
                int row = w + o * n;
                for (int i = 0; i < n; i++) {
                    s += p[row + i] * x[i];
                }
                if (tangent) {
                    for (int i = 0; i < n; i++) {
                        t += p[row + i] * tx[i];
                    }
                }
                boolean on = l == last || s > 0; // ReLU on hidden layers, linear output
                y[o] = on ? s : 0;
                ty[o] = on ? t : 0;
            }
        }
        return pass.output();
    }

    /**
     * Back-propagates {@code dOut . out} (and, unless {@code dTangentOut} is null, {@code dTangentOut . tangentOut})
     * of the last forward pass: adds the parameter gradient into {@code grad} at {@code gradAt} (unless null); writes the input
     * gradient into {@code dIn} and the tangent-input gradient into {@code dTangentIn} unless they are null.
     */
    void backward(double[] p, int at, Pass pass, double[] dOut, double[] dTangentOut, double[] grad, int gradAt,
                  double[] dIn, double[] dTangentIn) {
        int top = sizes.length - 1;
        boolean tangent = dTangentOut != null;
        System.arraycopy(dOut, 0, pass.delta[top], 0, sizes[top]);
        if (tangent) {
            System.arraycopy(dTangentOut, 0, pass.tanDelta[top], 0, sizes[top]);
        }
        for (int l = top - 1; l >= 0; l--) {
            int n = sizes[l];
            int m = sizes[l + 1];
            int w = at + weightAt[l];
            int b = w + n * m;
            int gw = gradAt + weightAt[l];
            int gb = gw + n * m;
            double[] dy = pass.delta[l + 1];
            double[] tdy = pass.tanDelta[l + 1];
            double[] x = pass.act[l];
            double[] tx = pass.tan[l];
            double[] dx = pass.delta[l];
            double[] tdx = pass.tanDelta[l];
            java.util.Arrays.fill(dx, 0.0);
            java.util.Arrays.fill(tdx, 0.0);
            boolean needInput = l > 0 || dIn != null || dTangentIn != null;
            for (int o = 0; o < m; o++) {
                double d = dy[o];
                double td = tangent ? tdy[o] : 0;
                int row = w + o * n;
                if (grad != null) {
                    grad[gb + o] += d;
                    int grow = gw + o * n;
                    for (int i = 0; i < n; i++) {
                        grad[grow + i] += d * x[i] + td * tx[i];
                    }
                }
                if (needInput) {
                    for (int i = 0; i < n; i++) {
                        dx[i] += p[row + i] * d;
                        tdx[i] += p[row + i] * td;
                    }
                }
            }
            if (l > 0) { // through the ReLU of layer l: the same 0/1 factor for value and tangent
                for (int i = 0; i < n; i++) {
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
