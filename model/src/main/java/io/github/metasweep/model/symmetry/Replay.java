package io.github.metasweep.model.symmetry;

/**
 * A replay buffer of transitions {@code (s, a, r, s', done)} in flat arrays, overwriting the oldest when full;
 * {@code done} is 1 only at a true termination (a time-out bootstraps, as SB3's {@code handle_timeout_termination}).
 */
final class Replay {
    private final int states;
    private final int actions;
    private final int capacity;
    private final double[] s;
    private final double[] a;
    private final double[] r;
    private final double[] next;
    private final double[] done;
    private int size;
    private int at;

    Replay(int states, int actions, int capacity) {
        this.states = states;
        this.actions = actions;
        this.capacity = capacity;
        this.s = new double[capacity * states];
        this.a = new double[capacity * actions];
        this.r = new double[capacity];
        this.next = new double[capacity * states];
        this.done = new double[capacity];
    }

    void add(double[] state, double[] action, double reward, double[] nextState, boolean terminal) {
        System.arraycopy(state, 0, s, at * states, states);
        System.arraycopy(action, 0, a, at * actions, actions);
        r[at] = reward;
        System.arraycopy(nextState, 0, next, at * states, states);
        done[at] = terminal ? 1 : 0;
        at = (at + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    int size() {
        return size;
    }

    void state(int row, double[] into) {
        System.arraycopy(s, row * states, into, 0, states);
    }

    void action(int row, double[] into) {
        System.arraycopy(a, row * actions, into, 0, actions);
    }

    void next(int row, double[] into) {
        System.arraycopy(next, row * states, into, 0, states);
    }

    double reward(int row) {
        return r[row];
    }

    double done(int row) {
        return done[row];
    }
}
