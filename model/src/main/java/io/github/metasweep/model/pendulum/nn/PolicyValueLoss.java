package io.github.metasweep.model.pendulum.nn;

import io.github.metasweep.model.core.optim.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Protocol section 3's loss, {@code mean((pi(s)-a)^2) + mean((V(s)-r)^2) + w * k_target_loss}, and its
 * exact gradient by hand-written backpropagation, batched over a whole episode: float32 on plain arrays
 * ({@link FloatNetworkPass}), float64 on ND4J (a few dozen native calls per update, whatever the batch size);
 * the Hessian-vector products likewise. Not thread-safe (one per learner).
 */
public final class PolicyValueLoss {
    /** Off-heap scratch reused across evaluations (per thread): cuts each op's allocation cost 3-5x. */
    private static final WorkspaceConfiguration SCRATCH = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .build();
    private static final String SCRATCH_ID = "metasweep-policy-value-loss";
    /** A workspace of its own for Hessian-vector products, whose op sequence differs from evaluate's. */
    private static final String HVP_SCRATCH_ID = "metasweep-policy-value-hvp";

    private final NetworkShape shape;
    private final ParameterLayout layout;
    private final Precision precision;
    /** The float32 path's networks; null in float64, whose math runs on ND4J. */
    private final FloatNetworkPass floatPass;

    public PolicyValueLoss(NetworkShape shape, Precision precision) {
        this.shape = shape;
        this.layout = shape.layout();
        this.precision = precision;
        this.floatPass = precision == Precision.FLOAT32 ? new FloatNetworkPass(layout, shape.hidden()) : null;
    }

    public NetworkShape shape() {
        return shape;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /**
     * Loss terms at {@code p} on {@code batch}, difficulty {@code tau} in [0,1], with the k-target
     * term weighted by {@code kTargetWeight} (0 removes it); {@code p} is not changed.
     */
    public LossTerms evaluate(double[] p, TrainingBatch batch, double tau, double kTargetWeight) {
        return evaluate(p, batch, tau, kTargetWeight, true);
    }

    /**
     * As {@link #evaluate(double[], TrainingBatch, double, double)}; without the value network when
     * {@code withValue} is false (value loss 0, zero gradient for its parameters), for callers that
     * only need the policy's part, which the value network never changes.
     */
    public LossTerms evaluate(double[] p, TrainingBatch batch, double tau, double kTargetWeight, boolean withValue) {
        if (precision == Precision.FLOAT32) {
            return evaluateOnArrays(p, batch, tau, kTargetWeight, withValue);
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, SCRATCH_ID)) {
            return evaluateInScratch(p, batch, tau, kTargetWeight, withValue);
        }
    }

    /** float32: both networks on plain arrays ({@link FloatNetworkPass}), no native call. */
    private LossTerms evaluateOnArrays(double[] p, TrainingBatch batch, double tau, double kTargetWeight,
                                      boolean withValue) {
        double[] grad = new double[layout.size()];
        int n = batch.rows();
        Gates gates = shape.gated() ? Gates.of(shape, layout, p) : null;
        double[][] dGate = new double[NetworkShape.GATED_LAYERS][];
        double actionLoss = floatPass.lossAndGradient("pi", p, n, batch.states(), batch.actionTargets(), gates, true,
                grad, dGate);
        double valueLoss = withValue ? floatPass.lossAndGradient("v", p, n, batch.states(), batch.rewards(), null,
                false, grad, null) : 0.0;
        return withGates(p, gates, dGate, tau, kTargetWeight, actionLoss, valueLoss, grad);
    }

    /** Adds the gates' and the k-target's gradient; the loss terms. */
    private LossTerms withGates(double[] p, Gates gates, double[][] dGate, double tau, double kTargetWeight,
                                double actionLoss, double valueLoss, double[] grad) {
        double kTargetLoss = 0.0;
        if (gates != null) {
            gates.backward(layout, dGate, grad);
            kTargetLoss = kTargetTerm(p, gates, tau, kTargetWeight, grad);
        }
        return new LossTerms(actionLoss, valueLoss, kTargetLoss, kTargetWeight, grad);
    }

    /** float64 on ND4J; every array lives in the scratch workspace, only Java arrays and numbers leave it. */
    private LossTerms evaluateInScratch(double[] p, TrainingBatch batch, double tau, double kTargetWeight,
                                        boolean withValue) {
        double[] grad = new double[layout.size()];
        int n = batch.rows();
        INDArray x = Nd4j.create(batch.states(), new int[] {n, NetworkShape.STATE_DIM}, 'c').castTo(DataType.DOUBLE);
        INDArray target = Nd4j.create(batch.actionTargets(), new int[] {n, 1}, 'c').castTo(DataType.DOUBLE);
        INDArray reward = Nd4j.create(batch.rewards(), new int[] {n, 1}, 'c').castTo(DataType.DOUBLE);

        Gates gates = shape.gated() ? Gates.of(shape, layout, p) : null;
        double[][] dGate = new double[NetworkShape.GATED_LAYERS][];
        double actionLoss = network("pi", p, x, target, gates, true, grad, dGate);
        double valueLoss = withValue ? network("v", p, x, reward, null, false, grad, null) : 0.0;
        return withGates(p, gates, dGate, tau, kTargetWeight, actionLoss, valueLoss, grad);
    }

    /** Forward and backward of one 3-layer network; returns mean((out - y)^2), adds into {@code grad}. */
    private double network(String net, double[] p, INDArray x, INDArray y, Gates gates, boolean tanhHead,
                           double[] grad, double[][] dGate) {
        int n = (int) x.rows();
        INDArray w1 = tensor(p, net + ".w1");
        INDArray w2 = tensor(p, net + ".w2");
        INDArray w3 = tensor(p, net + ".w3");
        INDArray z1 = x.mmul(w1).addiRowVector(tensor(p, net + ".b1"));
        INDArray a1 = Transforms.relu(z1, true);
        INDArray h1 = gates == null ? a1 : a1.mulRowVector(row(gates.gate(0)));
        INDArray z2 = h1.mmul(w2).addiRowVector(tensor(p, net + ".b2"));
        INDArray a2 = Transforms.relu(z2, true);
        INDArray h2 = gates == null ? a2 : a2.mulRowVector(row(gates.gate(1)));
        INDArray z3 = h2.mmul(w3).addiRowVector(tensor(p, net + ".b3"));

        INDArray out;
        INDArray dZ3;
        INDArray t3 = null;
        if (tanhHead) {
            t3 = Transforms.tanh(z3, true);
            out = t3.mul(2.0);
        } else {
            out = z3;
        }
        INDArray diff = out.sub(y);
        double loss = diff.mul(diff).meanNumber().doubleValue();
        INDArray dOut = diff.mul(2.0 / n);
        if (tanhHead) {
            // d(2 tanh z)/dz = 2 (1 - tanh^2 z)
            dZ3 = dOut.mul(t3.mul(t3).rsubi(1.0).muli(2.0));
        } else {
            dZ3 = dOut;
        }
        put(grad, net + ".w3", h2.transpose().mmul(dZ3));
        put(grad, net + ".b3", dZ3.sum(0));

        INDArray dH2 = dZ3.mmul(w3.transpose());
        INDArray dA2 = dH2;
        if (gates != null) {
            dGate[1] = dH2.mul(a2).sum(0).toDoubleVector();
            dA2 = dH2.mulRowVector(row(gates.gate(1)));
        }
        INDArray dZ2 = dA2.mul(z2.gt(0.0).castTo(z2.dataType()));
        put(grad, net + ".w2", h1.transpose().mmul(dZ2));
        put(grad, net + ".b2", dZ2.sum(0));

        INDArray dH1 = dZ2.mmul(w2.transpose());
        INDArray dA1 = dH1;
        if (gates != null) {
            dGate[0] = dH1.mul(a1).sum(0).toDoubleVector();
            dA1 = dH1.mulRowVector(row(gates.gate(0)));
        }
        INDArray dZ1 = dA1.mul(z1.gt(0.0).castTo(z1.dataType()));
        put(grad, net + ".w1", x.transpose().mmul(dZ1));
        put(grad, net + ".b1", dZ1.sum(0));
        return loss;
    }

    /**
     * The exact Hessian-vector product {@code H(p) v} of the loss on {@code batch} (the value network's part
     * 0 when {@code withValue} is false), with each ReLU's activation pattern held at that of {@code p}:
     * the networks are piecewise linear in their hidden units, and this is the Hessian of the piece that
     * holds {@code p} (the true Hessian wherever no pre-activation is exactly 0). Pearlmutter's
     * R-operator: one batched pass that repeats the forward pass at {@code p}, pushes the directional
     * derivative {@code R{.} = d/dr (.)(p + r v)} at r = 0 through it and then through the backward pass.
     * Ungated networks only (MAML's): the gated policy's gate curvature is not written.
     *
     * @throws UnsupportedOperationException for a gated shape
     */
    public double[] hessianVector(double[] p, double[] v, TrainingBatch batch, boolean withValue) {
        if (shape.gated()) {
            throw new UnsupportedOperationException("exact Hessian-vector products are written for ungated networks only");
        }
        if (v.length != layout.size() || p.length != layout.size()) {
            throw new IllegalArgumentException("p and v must have " + layout.size() + " values");
        }
        if (precision == Precision.FLOAT32) {
            double[] hv = new double[layout.size()];
            floatPass.hessianVector("pi", p, v, batch.rows(), batch.states(), batch.actionTargets(), true, hv);
            if (withValue) {
                floatPass.hessianVector("v", p, v, batch.rows(), batch.states(), batch.rewards(), false, hv);
            }
            return hv;
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, HVP_SCRATCH_ID)) {
            double[] hv = new double[layout.size()];
            int n = batch.rows();
            // the states with a column of ones: x W1 + b1 and x^T d (weights and biases) in one product each
            float[] states = batch.states();
            float[] augmented = new float[3 * n];
            for (int r = 0; r < n; r++) {
                augmented[3 * r] = states[2 * r];
                augmented[3 * r + 1] = states[2 * r + 1];
                augmented[3 * r + 2] = 1f;
            }
            INDArray x = Nd4j.create(augmented, new int[] {n, 3}, 'c').castTo(DataType.DOUBLE);
            networkHessianVector("pi", p, v, x, batch.actionTargets(), true, hv);
            if (withValue) {
                networkHessianVector("v", p, v, x, batch.rewards(), false, hv);
            }
            return hv;
        }
    }

    /**
     * R-operator of one plain 3-layer network, masks m1, m2 of p fixed (f the head, 2 tanh or identity):
     * forward {@code z1 = x W1 + b1, a1 = m1 z1, z2 = a1 W2 + b2, a2 = m2 z2, z3 = a2 W3 + b3}; its
     * directional derivative {@code Ra1 = m1 (x V1 + c1), Ra2 = m2 (Ra1 W2 + a1 V2 + c2),
     * Rz3 = Ra2 W3 + a2 V3 + c3}; the backward pass {@code d3 = (2/n)(f(z3)-y) f'(z3),
     * d2 = m2 (d3 W3^T)} and its derivative {@code Rd3 = (2/n) Rz3 (f'^2 + (f-y) f''),
     * Rd2 = m2 (Rd3 W3^T + d3 V3^T), Rd1 = m1 (Rd2 W2^T + d2 V2^T)}; then
     * {@code H v = (x^T Rd1, sum Rd1; Ra1^T d2 + a1^T Rd2, sum Rd2; Ra2^T d3 + a2^T Rd3, sum Rd3)}.
     * For f = 2 tanh: f' = 2(1 - t^2), f'' = -2 t f'. The n x h x h products and the first layer run as
     * about 25 batched ND4J calls; the last layer (h x 1), the head and d2, Rd2 run row by row in Java on
     * two n x h arrays read once. {@code x} has a column of ones. Writes this network's part of {@code hv}.
     */
    private void networkHessianVector(String net, double[] p, double[] v, INDArray x, float[] y, boolean tanhHead,
                                      double[] hv) {
        int n = (int) x.rows();
        int h = shape.hidden();
        Segment first = layout.get(net + ".w1");
        if (layout.get(net + ".b1").offset() != first.end()) {
            throw new IllegalStateException(net + ".b1 must follow " + net + ".w1 in the layout");
        }
        INDArray wb1 = tensor(p, first.offset(), 3, h);
        INDArray vb1 = tensor(v, first.offset(), 3, h);
        INDArray w2 = tensor(p, net + ".w2");
        INDArray v2 = tensor(v, net + ".w2");
        int w3 = layout.get(net + ".w3").offset();
        int b3 = layout.get(net + ".b3").offset();
        // forward at p, and the activation pattern of p
        INDArray z1 = x.mmul(wb1);
        INDArray m1 = Transforms.step(z1, true);
        INDArray a1 = Transforms.relu(z1, false);
        INDArray a2 = Transforms.relu(a1.mmul(w2).addiRowVector(tensor(p, net + ".b2")), false);
        // its directional derivative along v (the second layer's mask applied below, in Java)
        INDArray ra1 = x.mmul(vb1).muli(m1);
        INDArray ra2 = ra1.mmul(w2).addi(a1.mmul(v2)).addiRowVector(tensor(v, net + ".b2"));
        // the n x h x 1 last layer, the head, R w3, R b3, d2 and Rd2, row by row in Java: a few reads and
        // writes of n x h arrays instead of a dozen small native calls (unit j of row r is on iff a2 > 0)
        double[] a2j = Nd4j.toFlattened('c', a2).toDoubleVector();
        double[] ra2j = Nd4j.toFlattened('c', ra2).toDoubleVector();
        double[] d2j = new double[n * h];
        double[] rd2j = new double[n * h];
        double rb3 = 0.0;
        for (int r = 0; r < n; r++) {
            int o = r * h;
            double z = p[b3];
            double rz = v[b3];
            for (int j = 0; j < h; j++) {
                if (a2j[o + j] > 0.0) {
                    z += a2j[o + j] * p[w3 + j];
                    rz += ra2j[o + j] * p[w3 + j] + a2j[o + j] * v[w3 + j];
                } else {
                    ra2j[o + j] = 0.0;
                }
            }
            double d3 = LossHead.delta(z, y[r], n, tanhHead);
            double rd3 = LossHead.rDelta(z, rz, y[r], n, tanhHead);
            rb3 += rd3;
            for (int j = 0; j < h; j++) {
                hv[w3 + j] += ra2j[o + j] * d3 + a2j[o + j] * rd3;
                if (a2j[o + j] > 0.0) {
                    d2j[o + j] = d3 * p[w3 + j];
                    rd2j[o + j] = rd3 * p[w3 + j] + d3 * v[w3 + j];
                }
            }
        }
        hv[b3] = rb3;
        INDArray d2 = tensor(d2j, 0, n, h);
        INDArray rd2 = tensor(rd2j, 0, n, h);
        put(hv, net + ".w2", ra1.transpose().mmul(d2).addi(a1.transpose().mmul(rd2)));
        put(hv, net + ".b2", rd2.sum(0));
        INDArray rd1 = rd2.mmul(w2.transpose()).addi(d2.mmul(v2.transpose())).muli(m1);
        // x^T Rd1 is [R w1; R b1], which the layout keeps contiguous
        double[] rwb1 = Nd4j.toFlattened('c', x.transpose().mmul(rd1)).toDoubleVector();
        System.arraycopy(rwb1, 0, hv, first.offset(), 3 * h);
    }

    /** {@code rows x cols} values of {@code p} from {@code offset} (the ND4J path is float64 only). */
    private static INDArray tensor(double[] p, int offset, int rows, int cols) {
        double[] data = java.util.Arrays.copyOfRange(p, offset, offset + rows * cols);
        return Nd4j.create(data, new long[] {rows, cols}, DataType.DOUBLE);
    }

    /** mean_i (sigmoid(k_i) - t_i (0.5 + 0.3 tau))^2 over the layer gates; adds its weighted gradient. */
    private double kTargetTerm(double[] p, Gates gates, double tau, double weight, double[] grad) {
        int kLayer = layout.get("k.layer").offset();
        int kTarget = layout.get("k.target").offset();
        double scale = 0.5 + 0.3 * tau;
        int layers = NetworkShape.GATED_LAYERS;
        double loss = 0.0;
        for (int i = 0; i < layers; i++) {
            double s = gates.layerSigmoid(i);
            double d = s - p[kTarget + i] * scale;
            loss += d * d / layers;
            double dd = weight * 2.0 * d / layers;
            grad[kLayer + i] += dd * Sigmoid.slope(s);
            grad[kTarget + i] += -dd * scale;
        }
        return loss;
    }

    private INDArray tensor(double[] p, String name) {
        Segment s = layout.get(name);
        return tensor(p, s.offset(), s.rows(), s.cols());
    }

    private static INDArray row(double[] values) {
        return Nd4j.create(values, new long[] {1, values.length}, DataType.DOUBLE);
    }

    private void put(double[] grad, String name, INDArray value) {
        Segment s = layout.get(name);
        double[] flat = Nd4j.toFlattened('c', value).toDoubleVector();
        if (flat.length != s.size()) {
            throw new IllegalStateException(name + ": gradient has " + flat.length + " values, expected " + s.size());
        }
        System.arraycopy(flat, 0, grad, s.offset(), flat.length);
    }
}
