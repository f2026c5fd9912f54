package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.List;

/** The plain networks (no gates, no meta-learning) trained with the reference loss (protocol section 6). */
public final class Finetune implements PendulumMethod {
    @Override
    public String name() {
        return "finetune";
    }

    @Override
    public List<ParamDef> params() {
        return LearnerParams.DEFS;
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        LearnerSettings settings = LearnerSettings.of(p);
        NetworkShape shape = NetworkShape.plain(settings.hidden());
        double[] init = shape.initialize(GaussianStream.forRun(seed, LearnerParams.INIT_STREAM), 0, 0,
                settings.precision());
        return new ReferenceLearner(shape, init, settings, settings.lr(), 0.0);
    }
}
