package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.nn.DenseNet;
import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.core.meta.InnerSgd;

/**
 * Soft actor-critic (Haarnoja et al. 2018) in the form of stable-baselines3's {@code SAC}, on plain arrays: a
 * squashed Gaussian actor {@code s -> (mu, log sigma)} (log sigma clamped to [-20, 2]), action {@code tanh(u)} in
 * [-1, 1]^m, two critics {@code Q(s, a)} with Polyak-averaged targets, and an automatic entropy temperature
 * (target entropy {@code -m}). One {@link #update} is SB3's gradient step: the temperature first (with the
 * pre-step temperature used below), then the critics on {@code r + gamma (1 - done) (min Q' - alpha log pi')},
 * then the actor on {@code alpha log pi - min Q} with the updated critics, then the targets. Not thread-safe.
 */
final class SoftActorCritic {
    static final double LOG_STD_MIN = -20;
    static final double LOG_STD_MAX = 2;
    /** SB3's epsilon inside the tanh correction {@code log(1 - a^2 + eps)}. */
    static final double SQUASH_EPS = 1e-6;

    /** The learner's settings (docs/protocols/hereditary-symmetry.md says where they come from). */
    record Settings(int hidden, double lr, double gamma, double tau, int batch) {
    }

    private final int states;
    private final int actions;
    private final Settings settings;
    private final DenseNet actor;
    private final DenseNet q1;
    private final DenseNet q2;
    private final DenseNet q1Target;
    private final DenseNet q2Target;
    final double[] actorParams;
    final double[] criticParams;
    final double[] targetParams;
    final double[] logAlpha = {0.0};
    private final Adam actorAdam;
    private final Adam criticAdam;
    private final Adam alphaAdam;
    private final double[] actorGrad;
    private final double[] criticGrad;
    private final DenseNet.Pass actorPass;
    private final DenseNet.Pass criticPass;
    private final double[] stateAction;
    private final double[] dOut;
    private final double[] dStateAction;

    SoftActorCritic(int states, int actions, Settings settings, GaussianStream init) {
        this.states = states;
        this.actions = actions;
        this.settings = settings;
        int h = settings.hidden();
        this.actor = new DenseNet(states, h, h, 2 * actions);
        this.q1 = new DenseNet(states + actions, h, h, 1);
        this.q2 = new DenseNet(states + actions, h, h, 1);
        this.q1Target = new DenseNet(states + actions, h, h, 1);
        this.q2Target = new DenseNet(states + actions, h, h, 1);
        this.actorParams = new double[actor.size()];
        this.criticParams = new double[2 * q1.size()];
        actor.init(init, actorParams, 0);
        q1.init(init, criticParams, 0);
        q2.init(init, criticParams, q1.size());
        this.targetParams = criticParams.clone();
        this.actorAdam = new Adam(InnerSgd.uniform(actorParams.length, settings.lr()));
        this.criticAdam = new Adam(InnerSgd.uniform(criticParams.length, settings.lr()));
        this.alphaAdam = new Adam(new double[] {settings.lr()});
        this.actorGrad = new double[actorParams.length];
        this.criticGrad = new double[criticParams.length];
        this.actorPass = actor.newPass();
        this.criticPass = q1.newPass();
        this.stateAction = new double[states + actions];
        this.dOut = new double[2 * actions];
        this.dStateAction = new double[states + actions];
        actor.load(actorParams, 0);
    }

    double alpha() {
        return Math.exp(logAlpha[0]);
    }

    /** The action in [-1, 1]^m at state s: {@code tanh(mu)} when deterministic, else a sample with noise eps. */
    double[] act(double[] s, boolean deterministic, GaussianStream noise) {
        double[] out = actor.forward(s, null, actorPass);
        double[] a = new double[actions];
        for (int j = 0; j < actions; j++) {
            double u = out[j];
            if (!deterministic) {
                u += Math.exp(clampLogStd(out[actions + j])) * noise.nextGaussian();
            }
            a[j] = Math.tanh(u);
        }
        return a;
    }

    private static double clampLogStd(double v) {
        return Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, v));
    }

    /**
     * The squashed sample of the actor's last forward pass under noise eps into {@code a}; returns its log-density
     * {@code sum_j -eps_j^2/2 - log sigma_j - log(2 pi)/2 - log(1 - a_j^2 + SQUASH_EPS)}.
     */
    private double sample(double[] out, double[] eps, double[] a) {
        double logPi = 0;
        for (int j = 0; j < actions; j++) {
            double logStd = clampLogStd(out[actions + j]);
            a[j] = Math.tanh(out[j] + Math.exp(logStd) * eps[j]);
            logPi += -0.5 * eps[j] * eps[j] - logStd - 0.5 * Math.log(2 * Math.PI) - Math.log(1 - a[j] * a[j]
                    + SQUASH_EPS);
        }
        return logPi;
    }

    private double critic(DenseNet q, double[] s, double[] a) {
        System.arraycopy(s, 0, stateAction, 0, states);
        System.arraycopy(a, 0, stateAction, states, actions);
        return q.forward(stateAction, null, criticPass)[0];
    }

    /** One gradient step on a batch of transitions drawn from the buffer with {@code random}. */
    void update(Replay buffer, GaussianStream random) {
        int n = settings.batch();
        double[][] s = new double[n][states];
        double[][] a = new double[n][actions];
        double[][] next = new double[n][states];
        double[] reward = new double[n];
        double[] done = new double[n];
        for (int i = 0; i < n; i++) {
            int row = (int) random.uniform(0, buffer.size());
            buffer.state(row, s[i]);
            buffer.action(row, a[i]);
            buffer.next(row, next[i]);
            reward[i] = buffer.reward(row);
            done[i] = buffer.done(row);
        }
        update(s, a, reward, next, done, random);
    }

    /** One gradient step on the given transitions; the actor's noise comes from {@code random}. */
    void update(double[][] s, double[][] a, double[] reward, double[][] next, double[] done, GaussianStream random) {
        int n = s.length;
        double[][] eps = gaussians(random, n);
        double[][] nextEps = gaussians(random, n);
        double alpha = alpha();
        // temperature: J(log alpha) = -log alpha (log pi + target entropy), at the current actor
        double meanLogPi = 0;
        double[] sampled = new double[actions];
        for (int i = 0; i < n; i++) {
            meanLogPi += sample(actor.forward(s[i], null, actorPass), eps[i], sampled) / n;
        }
        alphaAdam.step(logAlpha, new double[] {-(meanLogPi - actions)});
        double[] y = targets(next, reward, done, nextEps, alpha);
        java.util.Arrays.fill(criticGrad, 0.0);
        criticLossAndGradient(s, a, y, criticGrad);
        criticAdam.step(criticParams, criticGrad);
        java.util.Arrays.fill(actorGrad, 0.0);
        actorLossAndGradient(s, eps, alpha, actorGrad);
        actorAdam.step(actorParams, actorGrad);
        actor.load(actorParams, 0);
        double tau = settings.tau();
        for (int i = 0; i < targetParams.length; i++) {
            targetParams[i] = (1 - tau) * targetParams[i] + tau * criticParams[i];
        }
    }

    private double[][] gaussians(GaussianStream random, int n) {
        double[][] e = new double[n][actions];
        for (double[] row : e) {
            for (int j = 0; j < actions; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return e;
    }

    /** The critics' regression targets {@code r + gamma (1 - done) (min_k Q'_k(s', a') - alpha log pi(a'|s'))}. */
    double[] targets(double[][] next, double[] reward, double[] done, double[][] nextEps, double alpha) {
        q1Target.load(targetParams, 0);
        q2Target.load(targetParams, q1.size());
        actor.load(actorParams, 0);
        double[] y = new double[next.length];
        double[] a = new double[actions];
        for (int i = 0; i < next.length; i++) {
            double logPi = sample(actor.forward(next[i], null, actorPass), nextEps[i], a);
            double soft = Math.min(critic(q1Target, next[i], a), critic(q2Target, next[i], a)) - alpha * logPi;
            y[i] = reward[i] + settings.gamma() * (1 - done[i]) * soft;
        }
        return y;
    }

    /** The critics' loss {@code sum_k 1/2 mean_i (Q_k(s_i, a_i) - y_i)^2}; adds its gradient into {@code grad}. */
    double criticLossAndGradient(double[][] s, double[][] a, double[] y, double[] grad) {
        int n = s.length;
        q1.load(criticParams, 0);
        q2.load(criticParams, q1.size());
        double loss = 0;
        double[] d = new double[1];
        for (int i = 0; i < n; i++) {
            for (DenseNet q : new DenseNet[] {q1, q2}) {
                double e = critic(q, s[i], a[i]) - y[i];
                loss += 0.5 * e * e / n;
                d[0] = e / n;
                q.backward(criticPass, d, null, true, null, null);
            }
        }
        q1.flushGradient(grad, 0);
        q2.flushGradient(grad, q1.size());
        return loss;
    }

    /**
     * The actor's loss {@code mean_i (alpha log pi(a~_i|s_i) - min_k Q_k(s_i, a~_i))} with the reparameterised
     * {@code a~_i = tanh(mu + sigma eps_i)}; adds its gradient with respect to the actor into {@code grad}.
     */
    double actorLossAndGradient(double[][] s, double[][] eps, double alpha, double[] grad) {
        int n = s.length;
        q1.load(criticParams, 0);
        q2.load(criticParams, q1.size());
        actor.load(actorParams, 0);
        double loss = 0;
        double[] a = new double[actions];
        double[] one = {1.0};
        for (int i = 0; i < n; i++) {
            double[] out = actor.forward(s[i], null, actorPass);
            double logPi = sample(out, eps[i], a);
            double v1 = critic(q1, s[i], a);
            double v2 = critic(q2, s[i], a);
            DenseNet low = v1 <= v2 ? q1 : q2;
            loss += (alpha * logPi - Math.min(v1, v2)) / n;
            if (low == q1) {
                critic(q1, s[i], a); // the pass holds q2's: q1's again, for its input gradient
            }
            low.backward(criticPass, one, null, false, dStateAction, null);
            for (int j = 0; j < actions; j++) {
                double logStd = out[actions + j];
                boolean clamped = logStd < LOG_STD_MIN || logStd > LOG_STD_MAX;
                double sigma = Math.exp(clampLogStd(logStd));
                double dA = 1 - a[j] * a[j]; // da/du
                // d log pi / du, eps fixed: only the squash correction depends on u
                double dLogPiDu = 2 * a[j] * dA / (dA + SQUASH_EPS);
                double dLossDu = alpha * dLogPiDu - dStateAction[states + j] * dA;
                dOut[j] = dLossDu / n;
                dOut[actions + j] = clamped ? 0 : (-alpha + dLossDu * sigma * eps[i][j]) / n;
            }
            actor.backward(actorPass, dOut, null, true, null, null);
        }
        actor.flushGradient(grad, 0);
        return loss;
    }
}
