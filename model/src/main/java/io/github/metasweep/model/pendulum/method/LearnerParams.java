package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.ParamDef;
import java.util.List;

/** Hyper-parameters shared by every method that trains the policy and value networks. */
public final class LearnerParams {
    public static final String TARGET = "target";
    public static final String PAIRING = "pairing";
    public static final String HIDDEN = "hidden";
    public static final String LR = "lr";
    public static final String GRAD_CLIP = "grad_clip";
    public static final String MAX_GRAD_NORM = "max_grad_norm";
    public static final String PRECISION = "precision";

    /** Initialisation stream name: independent of the environment-reset stream. */
    public static final String INIT_STREAM = "network-init";

    public static final List<ParamDef> DEFS = List.of(
            ParamDef.choice(TARGET, "self", List.of("self", "expert"),
                    "action target: the policy's own actions (reference) or the expert's"),
            ParamDef.choice(PAIRING, "reference", List.of("reference", "aligned"),
                    "reference: state after the step with the action before it; aligned: state before"),
            ParamDef.integer(HIDDEN, 64, 1, 1024, "units per hidden layer of both networks"),
            ParamDef.number(LR, 1e-3, 0.0, true, Double.POSITIVE_INFINITY, "Adam learning rate of weights and biases"),
            ParamDef.bool(GRAD_CLIP, true, "clip the global gradient norm before each Adam step"),
            ParamDef.number(MAX_GRAD_NORM, 1.0, 0.0, true, Double.POSITIVE_INFINITY, "global L2 norm limit of the clipping"),
            ParamDef.choice(PRECISION, "float32", List.of("float32", "float64"), "precision of the network math"));

    private LearnerParams() {
    }
}
