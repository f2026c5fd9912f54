package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicySnapshot;
import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.ArrayList;
import java.util.List;

/**
 * An nb-pro policy at its random initialisation, never trained: the same draws as nb-pro's for the
 * same seed, so it shows how much of a difference the initial weights alone make.
 */
public final class FrozenInit implements PendulumMethod {
    @Override
    public String name() {
        return "frozen-init";
    }

    @Override
    public List<ParamDef> params() {
        List<ParamDef> defs = new ArrayList<>();
        defs.add(ParamDef.integer(LearnerParams.HIDDEN, 64, 1, 1024, "units per hidden layer of both networks"));
        defs.addAll(NeuralBattery.gateDefs(true));
        return defs;
    }

    /** The initial parameters nb-pro would start from with these settings and seed. */
    public static double[] initialParameters(ParamSet p, long seed) {
        NetworkShape shape = NeuralBattery.gatedShape(p);
        return shape.initialize(GaussianStream.forRun(seed, LearnerParams.INIT_STREAM), p.getDouble(NeuralBattery.K_INIT),
                0.3, Precision.FLOAT32);
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        return new FixedPolicyAgent(new PolicySnapshot(NeuralBattery.gatedShape(p), initialParameters(p, seed)));
    }
}
