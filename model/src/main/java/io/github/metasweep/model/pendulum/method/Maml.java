package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import java.util.ArrayList;
import java.util.List;

/** The MAML baseline of protocol section 6: {@code maml} (second order) and {@code fomaml} (first order). */
public final class Maml implements PendulumMethod {
    public static final String INNER_STEPS = "inner_steps";
    public static final String INNER_LR = "inner_lr";
    public static final String SPLIT = "split";

    private final boolean secondOrder;

    private Maml(boolean secondOrder) {
        this.secondOrder = secondOrder;
    }

    public static Maml secondOrder() {
        return new Maml(true);
    }

    public static Maml firstOrder() {
        return new Maml(false);
    }

    @Override
    public String name() {
        return secondOrder ? "maml" : "fomaml";
    }

    @Override
    public List<ParamDef> params() {
        List<ParamDef> defs = new ArrayList<>(LearnerParams.DEFS);
        defs.add(ParamDef.integer(INNER_STEPS, 5, 0, 100, "plain SGD steps of the inner loop"));
        defs.add(ParamDef.number(INNER_LR, 0.01, 0.0, true, Double.POSITIVE_INFINITY, "inner-loop SGD step size alpha"));
        defs.add(ParamDef.choice(SPLIT, "even-odd", List.of("even-odd", "odd-even", "halves"),
                "support/query rows of an episode: even/odd steps, odd/even, or first/second half"));
        return defs;
    }

    /** A learner of these settings starting from the same initial weights as finetune (and nb's weights). */
    public static MamlLearner learner(ParamSet p, long seed, boolean secondOrder) {
        LearnerSettings settings = LearnerSettings.of(p);
        NetworkShape shape = NetworkShape.plain(settings.hidden());
        double[] init = shape.initialize(GaussianStream.forRun(seed, LearnerParams.INIT_STREAM), 0, 0,
                settings.precision());
        return new MamlLearner(shape, init, settings, p.getInt(INNER_STEPS), p.getDouble(INNER_LR),
                SupportQuerySplit.ofLabel(p.getString(SPLIT)), secondOrder);
    }

    @Override
    public PendulumAgent create(ParamSet p, long seed) {
        return learner(p, seed, secondOrder);
    }
}
