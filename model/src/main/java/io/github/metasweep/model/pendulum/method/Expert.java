package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.List;

/** The privileged state-feedback controller as a method: an upper reference, never trains. */
public final class Expert implements PendulumMethod {
    @Override
    public String name() {
        return "expert";
    }

    @Override
    public List<ParamDef> params() {
        return List.of();
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        return new FixedPolicyAgent(ExpertController.INSTANCE);
    }
}
