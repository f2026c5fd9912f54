package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.GaussianStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the {@code context-sac} baseline (docs/protocols/hereditary-symmetry.md): one {@link SoftActorCritic}
 * on the state {@code (p, z)} for all training goals, z the task code a {@link TransitionEncoder} makes of a
 * context of the task's transitions. The environments of the K goals step in turn, each with its own replay,
 * {@code stepsPerTask} steps each (the per-task policies' budget in total); after {@code learningStarts} steps
 * per task, every environment step makes one SAC step on a batch drawn evenly from the tasks, each task's part
 * carrying the code of a fresh context from its replay (detached: the encoder learns only by InfoNCE), and one
 * InfoNCE step of the encoder. A context is what the agent has at test time: the first 1 to {@code contextMax}
 * transitions of one of the task's episodes, whose first {@code probeSteps} actions are uniformly random as at
 * test time; an episode acts with the code of its own transitions so far (as at test time). Streams: {@code context-sac-init}, {@code -encoder}, {@code -env}, {@code -act}, {@code -replay}.
 */
final class ContextSacTraining {
    /**
     * The trained conditioned policy: {@code 0.1 tanh(mu(p, z))} for the code z of a context; with the encoder's
     * InfoNCE loss at each of its steps (on the training contexts, before the step).
     */
    record Trained(SoftActorCritic sac, TransitionEncoder encoder, double[] infoNce) {
        double[] action(double[] p, double[] z) {
            return TaskPolicyTraining.scaled(sac.act(joined(p, z), true, null));
        }
    }

    /** The encoder's settings. */
    record EncoderSettings(int hidden, int latent, double lr, double temperature, int contextMax) {
    }

    private ContextSacTraining() {
    }

    static double[] joined(double[] p, double[] z) {
        double[] x = new double[p.length + z.length];
        System.arraycopy(p, 0, x, 0, p.length);
        System.arraycopy(z, 0, x, p.length, z.length);
        return x;
    }

    static Trained train(double[][] goals, long seed, SoftActorCritic.Settings settings, EncoderSettings coder,
                         int stepsPerTask, int learningStarts, int probeSteps) {
        int k = goals.length;
        int latent = coder.latent();
        SoftActorCritic sac = new SoftActorCritic(2 + latent, 2, settings,
                GaussianStream.forRun(seed, "context-sac-init"));
        TransitionEncoder encoder = new TransitionEncoder(coder.hidden(), latent, coder.lr(), coder.temperature(),
                GaussianStream.forRun(seed, "context-sac-encoder"));
        GaussianStream env = GaussianStream.forRun(seed, "context-sac-env");
        GaussianStream act = GaussianStream.forRun(seed, "context-sac-act");
        GaussianStream draws = GaussianStream.forRun(seed, "context-sac-replay");
        Replay[] replays = new Replay[k];
        double[][] p = new double[k][];
        int[] t = new int[k];
        List<Double> infoNce = new ArrayList<>();
        List<List<Integer>> starts = new ArrayList<>();
        List<List<double[]>> episode = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            replays[i] = new Replay(2, 2, Math.max(stepsPerTask, 1));
            p[i] = start(env);
            starts.add(new ArrayList<>(List.of(0)));
            episode.add(new ArrayList<>());
        }
        for (int step = 0; step < k * stepsPerTask; step++) {
            int i = step % k;
            double[] a;
            if (replays[i].size() < learningStarts || t[i] < probeSteps) {
                a = new double[] {act.uniform(-1, 1), act.uniform(-1, 1)};
            } else {
                double[] z = encoder.encode(episode.get(i));
                a = sac.act(joined(p[i], z), false, act);
            }
            double[] next = PointNav.step(p[i], TaskPolicyTraining.scaled(a),
                    new double[] {env.nextGaussian(), env.nextGaussian()});
            double r = PointNav.reward(next, goals[i]);
            t[i]++;
            boolean success = PointNav.success(next, goals[i]) && t[i] < PointNav.HORIZON;
            replays[i].add(p[i], a, r, next, success);
            if (episode.get(i).size() < coder.contextMax()) {
                episode.get(i).add(TransitionEncoder.features(p[i], a, r, next));
            }
            if (success || t[i] == PointNav.HORIZON) {
                p[i] = start(env);
                t[i] = 0;
                starts.get(i).add(replays[i].size());
                episode.get(i).clear();
            } else {
                p[i] = next;
            }
            if (step >= k * Math.max(learningStarts, 1)) { // every task has an episode's first step
                infoNce.add(update(sac, encoder, replays, starts, settings.batch(), coder.contextMax(), draws));
            }
        }
        return new Trained(sac, encoder, infoNce.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One SAC step and one encoder step; returns the encoder's InfoNCE before its step. */
    private static double update(SoftActorCritic sac, TransitionEncoder encoder, Replay[] replays,
                               List<List<Integer>> starts, int batch, int contextMax, GaussianStream draws) {
        int k = replays.length;
        int per = Math.max(1, batch / k);
        int n = per * k;
        double[][] s = new double[n][];
        double[][] a = new double[n][2];
        double[][] next = new double[n][];
        double[] reward = new double[n];
        double[] done = new double[n];
        double[] ps = new double[2];
        double[] pn = new double[2];
        for (int i = 0; i < k; i++) {
            double[] code = encoder.encode(context(replays[i], starts.get(i), contextMax, draws));
            for (int b = 0; b < per; b++) {
                int row = (int) draws.uniform(0, replays[i].size());
                int at = i * per + b;
                replays[i].state(row, ps);
                replays[i].next(row, pn);
                replays[i].action(row, a[at]);
                s[at] = joined(ps, code);
                next[at] = joined(pn, code);
                reward[at] = replays[i].reward(row);
                done[at] = replays[i].done(row);
            }
        }
        sac.update(s, a, reward, next, done, draws);
        List<List<double[]>> first = new ArrayList<>();
        List<List<double[]>> second = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            first.add(context(replays[i], starts.get(i), contextMax, draws));
            second.add(context(replays[i], starts.get(i), contextMax, draws));
        }
        return encoder.step(first, second);
    }

    /**
     * The first 1 to {@code max} transitions (uniformly many) of an episode drawn uniformly among those begun in
     * the replay (fewer when it ended sooner), as encoder features.
     */
    static List<double[]> context(Replay replay, List<Integer> starts, int max, GaussianStream draws) {
        int begun = starts.get(starts.size() - 1) < replay.size() ? starts.size() : starts.size() - 1;
        int episode = (int) draws.uniform(0, begun);
        int from = starts.get(episode);
        int to = episode + 1 < starts.size() ? starts.get(episode + 1) : replay.size();
        int size = Math.min(1 + (int) draws.uniform(0, max), to - from);
        List<double[]> c = new ArrayList<>(size);
        double[] s = new double[2];
        double[] a = new double[2];
        double[] n = new double[2];
        for (int j = 0; j < size; j++) {
            int row = from + j;
            replay.state(row, s);
            replay.action(row, a);
            replay.next(row, n);
            c.add(TransitionEncoder.features(s, a, replay.reward(row), n));
        }
        return c;
    }

    private static double[] start(GaussianStream env) {
        return new double[] {PointNav.NOISE * env.nextGaussian(), PointNav.NOISE * env.nextGaussian()};
    }
}
