package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.List;

/** The do-nothing control: always acts 0 and never trains. */
public final class ZeroAction implements PendulumMethod {
    @Override
    public String name() {
        return "zero";
    }

    @Override
    public List<ParamDef> params() {
        return List.of();
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        return new FixedPolicyAgent((theta, thetaDot) -> 0f);
    }
}
