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
 * exact gradient by hand-written backpropagation, batched over a whole episode on ND4J (a few dozen
 * native calls per update, whatever the batch size).
 */
public final class PolicyValueLoss {
    /** Off-heap scratch reused across evaluations (per thread): cuts each op's allocation cost 3-5x. */
    private static final WorkspaceConfiguration SCRATCH = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .build();
    private static final String SCRATCH_ID = "metasweep-policy-value-loss";

    private final NetworkShape shape;
    private final ParameterLayout layout;
    private final Precision precision;

    public PolicyValueLoss(NetworkShape shape, Precision precision) {
        this.shape = shape;
        this.layout = shape.layout();
        this.precision = precision;
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
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, SCRATCH_ID)) {
            return evaluateInScratch(p, batch, tau, kTargetWeight, withValue);
        }
    }

    /** Every array lives in the scratch workspace; only Java arrays and numbers leave it. */
    private LossTerms evaluateInScratch(double[] p, TrainingBatch batch, double tau, double kTargetWeight,
                                        boolean withValue) {
        double[] grad = new double[layout.size()];
        DataType dt = precision.dataType();
        int n = batch.rows();
        INDArray x = Nd4j.create(batch.states(), new int[] {n, NetworkShape.STATE_DIM}, 'c').castTo(dt);
        INDArray target = Nd4j.create(batch.actionTargets(), new int[] {n, 1}, 'c').castTo(dt);
        INDArray reward = Nd4j.create(batch.rewards(), new int[] {n, 1}, 'c').castTo(dt);

        Gates gates = shape.gated() ? Gates.of(shape, layout, p) : null;
        double[][] dGate = new double[NetworkShape.GATED_LAYERS][];
        double actionLoss = network("pi", p, x, target, gates, true, grad, dGate);
        double valueLoss = withValue ? network("v", p, x, reward, null, false, grad, null) : 0.0;
        double kTargetLoss = 0.0;
        if (gates != null) {
            gates.backward(layout, dGate, grad);
            kTargetLoss = kTargetTerm(p, gates, tau, kTargetWeight, grad);
        }
        return new LossTerms(actionLoss, valueLoss, kTargetLoss, kTargetWeight, grad);
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
        if (precision == Precision.FLOAT64) {
            double[] data = java.util.Arrays.copyOfRange(p, s.offset(), s.end());
            return Nd4j.create(data, new long[] {s.rows(), s.cols()}, DataType.DOUBLE);
        }
        float[] data = new float[s.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) p[s.offset() + i];
        }
        return Nd4j.create(data, new int[] {s.rows(), s.cols()}, 'c');
    }

    private INDArray row(double[] values) {
        return Nd4j.create(values, new long[] {1, values.length}, DataType.DOUBLE).castTo(precision.dataType());
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
