package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.List;
import java.util.Map;

/** A method of the pendulum-transfer benchmark: its hyper-parameters, variants, and a factory of agents. */
public interface PendulumMethod {
    String name();

    /** Hyper-parameters beyond the protocol's own. */
    List<ParamDef> params();

    /** Variant name to the values it fixes, in order; the first is {@code full} with none. */
    default Map<String, Map<String, Object>> variants() {
        return Map.of("full", Map.of());
    }

    /** A fresh agent; its initial weights come from the run's init stream of {@code seed} only. */
    PendulumAgent create(ParamSet params, long seed);
}
