package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Neural Battery (protocol sections 2, 3 and 5): learnable sigmoid gates on the policy's hidden
 * layers, optional hierarchical blocks, and the k-target regulariser. {@code nb} and {@code nb-pro}
 * are this method with blocks off and on; the ablations are variants that fix one switch each.
 */
public final class NeuralBattery implements PendulumMethod {
    public static final String K_LR = "k_lr";
    public static final String K_INIT = "k_init";
    public static final String K_TARGET_INIT = "k_target_init";
    public static final String K_TARGET_WEIGHT = "k_target_weight";
    public static final String BLOCKS = "blocks";
    public static final String BLOCK_SIZE = "block_size";
    public static final String BLOCK_SCALE = "block_scale";

    private final String name;
    private final boolean blocksByDefault;

    private NeuralBattery(String name, boolean blocksByDefault) {
        this.name = name;
        this.blocksByDefault = blocksByDefault;
    }

    public static NeuralBattery nb() {
        return new NeuralBattery("nb", false);
    }

    public static NeuralBattery nbPro() {
        return new NeuralBattery("nb-pro", true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamDef> params() {
        List<ParamDef> defs = new ArrayList<>(LearnerParams.DEFS);
        defs.addAll(gateDefs(blocksByDefault));
        defs.add(ParamDef.number(K_LR, 5e-3, 0.0, true, Double.POSITIVE_INFINITY,
                "Adam learning rate of every k parameter (layer, block, target)"));
        defs.add(ParamDef.number(K_TARGET_INIT, 0.3, -1e6, false, 1e6, "initial k-target of each gated layer"));
        defs.add(ParamDef.number(K_TARGET_WEIGHT, 0.1, 0.0, false, Double.POSITIVE_INFINITY,
                "weight of the k-target loss (0 removes it)"));
        return defs;
    }

    /** The gate-shape hyper-parameters, shared with frozen-init (an nb-pro at its initialisation). */
    static List<ParamDef> gateDefs(boolean blocks) {
        return List.of(
                ParamDef.number(K_INIT, 0.25, -1e6, false, 1e6, "initial value of every layer and block k"),
                ParamDef.bool(BLOCKS, blocks, "hierarchical gates: one extra k per block of units"),
                ParamDef.integer(BLOCK_SIZE, 16, 1, 1024, "units per block"),
                ParamDef.number(BLOCK_SCALE, 0.3, 0.0, false, Double.POSITIVE_INFINITY, "weight of a block's gate"));
    }

    @Override
    public Map<String, Map<String, Object>> variants() {
        Map<String, Map<String, Object>> v = new LinkedHashMap<>();
        v.put("full", Map.of());
        v.put("no-k-target", Map.of(K_TARGET_WEIGHT, 0.0));
        v.put("no-grad-clip", Map.of(LearnerParams.GRAD_CLIP, false));
        if (blocksByDefault) {
            v.put("no-hierarchical", Map.of(BLOCKS, false));
        }
        return v;
    }

    static NetworkShape gatedShape(ParamSet p) {
        return new NetworkShape(p.getInt(LearnerParams.HIDDEN), true, p.getBool(BLOCKS), p.getInt(BLOCK_SIZE),
                p.getDouble(BLOCK_SCALE));
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        LearnerSettings settings = LearnerSettings.of(p);
        NetworkShape shape = gatedShape(p);
        double[] init = shape.initialize(GaussianStream.forRun(seed, LearnerParams.INIT_STREAM), p.getDouble(K_INIT),
                p.getDouble(K_TARGET_INIT), settings.precision());
        return new ReferenceLearner(shape, init, settings, p.getDouble(K_LR), p.getDouble(K_TARGET_WEIGHT));
    }
}
