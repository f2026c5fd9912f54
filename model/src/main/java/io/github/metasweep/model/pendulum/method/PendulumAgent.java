package io.github.metasweep.model.pendulum.method;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.pendulum.GateReading;

/** A method's live state during one run of the pendulum-transfer protocol. */
public interface PendulumAgent {
    /** The policy that acts in the next episode (a snapshot; later updates do not change it). */
    PendulumPolicy policyForEpisode();

    /**
     * Learns from the finished episode at difficulty {@code tau}; returns false, changing nothing,
     * when the loss or its gradient is NaN or infinite (the run then ends as diverged).
     */
    boolean learn(Episode episode, double tau);

    /** The gates now, or null for a method without gates. */
    default GateReading gates(int episode, String phase) {
        return null;
    }
}
