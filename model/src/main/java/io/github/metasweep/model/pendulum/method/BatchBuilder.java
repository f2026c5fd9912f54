package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;

/** Turns an episode into a training batch by the run's pairing and action-target choices (protocol section 3). */
public final class BatchBuilder {
    private BatchBuilder() {
    }

    public static TrainingBatch build(Episode e, LearnerSettings settings) {
        float[] states = settings.alignedPairing() ? e.statesBefore() : e.statesAfter();
        float[] targets;
        if (settings.expertTarget()) {
            targets = new float[e.steps()];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = ExpertController.INSTANCE.act(states[2 * i], states[2 * i + 1]);
            }
        } else {
            targets = e.actions();
        }
        return new TrainingBatch(e.steps(), states, targets, e.rewards());
    }
}
