package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.meta.NeuronMlParams;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NeuronML on the pendulum (docs/protocols/neuronml.md): MAML's protocol (section 6: inner steps, rate, split; the
 * same initial weights as maml) with a learnt structure mask on the policy and value networks.
 */
public final class NeuronMlMethod implements PendulumMethod {
    public static final String PLASTICITY_WINDOW = "plasticity_window";

    @Override
    public String name() {
        return "neuronml";
    }

    @Override
    public List<ParamDef> params() {
        List<ParamDef> defs = new ArrayList<>(Maml.secondOrder().params());
        defs.addAll(NeuronMlParams.PARAMS);
        defs.add(ParamDef.integer(PLASTICITY_WINDOW, 2, 1, 1000, "episodes whose support activities count as the "
                + "tasks of plasticity (one task per update on the pendulum)"));
        return defs;
    }

    @Override
    public Map<String, Map<String, Object>> variants() {
        Map<String, Map<String, Object>> v = new LinkedHashMap<>();
        for (String name : NeuronMlParams.VARIANTS) {
            v.put(name, NeuronMlParams.overrides(name));
        }
        return v;
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        LearnerSettings settings = LearnerSettings.of(p);
        NetworkShape shape = NetworkShape.plain(settings.hidden());
        double[] init = shape.initialize(GaussianStream.forRun(seed, LearnerParams.INIT_STREAM), 0, 0,
                settings.precision());
        MamlLearner maml = Maml.learner(p, seed, true);
        return new NeuronMlLearner(shape, init, settings, maml, SupportQuerySplit.ofLabel(p.getString(Maml.SPLIT)),
                rows -> NeuronMlParams.constraint(p, init.length, rows), p.getDouble(NeuronMlParams.MASK_LR),
                p.getDouble(NeuronMlParams.MASK_INIT), !p.getBool(NeuronMlParams.MASK_LEARNT),
                p.getString(NeuronMlParams.MASK_STEP).equals("sequential"), p.getInt(PLASTICITY_WINDOW));
    }
}
