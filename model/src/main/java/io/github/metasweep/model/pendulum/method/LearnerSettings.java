package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.core.ParamSet;
import java.util.Locale;

/** The shared learner hyper-parameters of a run, typed. */
public record LearnerSettings(boolean expertTarget, boolean alignedPairing, int hidden, double lr, boolean gradClip,
                              double maxGradNorm, Precision precision) {

    public static LearnerSettings of(ParamSet p) {
        return new LearnerSettings(
                p.getString(LearnerParams.TARGET).equals("expert"),
                p.getString(LearnerParams.PAIRING).equals("aligned"),
                p.getInt(LearnerParams.HIDDEN),
                p.getDouble(LearnerParams.LR),
                p.getBool(LearnerParams.GRAD_CLIP),
                p.getDouble(LearnerParams.MAX_GRAD_NORM),
                Precision.valueOf(p.getString(LearnerParams.PRECISION).toUpperCase(Locale.ROOT)));
    }
}
