package io.github.metasweep.model.core.meta;

import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.List;
import java.util.Map;

/** NeuronML's hyper-parameters and ablations, shared by the families that run it (defaults and reasons: docs/protocols/neuronml.md). */
public final class NeuronMlParams {
    public static final String L_FR = "l_fr";
    public static final String L_PL = "l_pl";
    public static final String L_SE = "l_se";
    public static final String BOUND_C = "bound_c";
    public static final String BOUND_GAMMA = "bound_gamma";
    public static final String BETA = "plasticity_beta";
    public static final String MASK_LR = "mask_lr";
    public static final String MASK_INIT = "mask_init";
    public static final String MASK_LEARNT = "mask_learnt";
    public static final String MASK_STEP = "mask_step";

    public static final List<ParamDef> PARAMS = List.of(
            ParamDef.number(L_FR, 1e-4, 0.0, false, 1e6, "weight of frugality: the masked weights' L1 norm above the "
                    + "data-volume bound"),
            ParamDef.number(L_PL, 1e-4, 0.0, false, 1e6, "weight of plasticity: importance-weighted overlap of the "
                    + "weights two tasks use"),
            ParamDef.number(L_SE, 1e-4, 0.0, false, 1e6, "weight of sensitivity: -log(s_w/S) |w| for query-gradient "
                    + "sensitivities s_w"),
            ParamDef.number(BOUND_C, 0.0, 0.0, false, 1e9, "C of the frugality bound max{C, gamma d log(N/d)}"),
            ParamDef.number(BOUND_GAMMA, 1.0, 0.0, false, 1e6, "gamma of the frugality bound"),
            ParamDef.number(BETA, 1.0, 0.0, false, 1e6, "beta of the Hebbian importance softmax(beta * usage)"),
            ParamDef.number(MASK_LR, 1e-3, 0.0, false, 1.0, "Adam rate of the mask logits"),
            ParamDef.number(MASK_INIT, 3.0, -20.0, false, 20.0, "initial mask logit (sigmoid(3) = 0.95: nearly all on)"),
            ParamDef.bool(MASK_LEARNT, true, "learn the mask (false: M = 1, plain MAML)"),
            ParamDef.choice(MASK_STEP, "sequential", List.of("sequential", "simultaneous"), "the mask step uses the "
                    + "meta-gradient after the theta step (sequential, as the paper) or the same one"));

    public static final List<String> VARIANTS = List.of("full", "no-frugality", "no-plasticity", "no-sensitivity", "no-mask");

    public static Map<String, Object> overrides(String variant) {
        return switch (variant) {
            case "no-frugality" -> Map.of(L_FR, 0.0);
            case "no-plasticity" -> Map.of(L_PL, 0.0);
            case "no-sensitivity" -> Map.of(L_SE, 0.0);
            case "no-mask" -> Map.of(MASK_LEARNT, false);
            default -> Map.of();
        };
    }

    private NeuronMlParams() {
    }


    /**
     * The constraint of a run: {@code d} parameters, {@code dataPoints} the points one meta-batch sees; the bound is
     * {@code max{C, gamma d log(N/d)}} (the second part is negative, so C rules, while N < d).
     */
    public static StructureConstraint constraint(ParamSet p, int d, int dataPoints) {
        double bound = Math.max(p.getDouble(BOUND_C), p.getDouble(BOUND_GAMMA) * d * Math.log((double) dataPoints / d));
        return new StructureConstraint(p.getDouble(L_FR), p.getDouble(L_PL), p.getDouble(L_SE), bound,
                p.getDouble(BETA));
    }
}
