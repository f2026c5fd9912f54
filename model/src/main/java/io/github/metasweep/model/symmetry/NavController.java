package io.github.metasweep.model.symmetry;

/**
 * What acts in one point-navigation episode: an action at each position, and the transition that followed (the
 * next position and the reward), for controllers that learn about the task while acting. One per episode.
 */
public interface NavController {
    double[] action(double[] p);

    /** The step's outcome: the position after the action and the noise, and the reward there. */
    default void observe(double[] next, double reward) {
    }
}
