package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.SingleVariantBenchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.PublishedClaim.Side;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import io.github.metasweep.model.core.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' benchmark of the hereditary-symmetry family (docs/protocols/hereditary-symmetry.md): training goals
 * inside an arc of the unit circle, test goals all around it; every method is scored on the same episodes (start
 * and noise from the seed's streams, per goal and episode), against the straight-line oracle. Agents:
 * {@code hereditary} (the base task's policy transformed by the rotation inferred from a few probing steps,
 * {@link HereditaryController}); controls {@code oracle}, {@code random-policy}, and {@code nearest-task} (the
 * policy of the training goal nearest to the test goal, untransformed). The training policies are per-task SAC
 * policies ({@link TaskPolicyTraining}) or, with {@code base_policy: straight-line}, the perfect straight-line
 * policies of the training goals (which isolates the transfer from the learning); baseline {@code context-sac} (one
 * SAC policy conditioned on a task code from transitions, {@link ContextSacTraining}, {@link ContextController}).
 */
public final class PointNavigation extends SingleVariantBenchmark {
    public static final String NAME = "point-nav";
    static final String TRAIN_ARC = "train_arc";
    static final String TRAIN_GOALS = "train_goals";
    static final String TEST_GOALS = "test_goals";
    static final String EPISODES = "episodes";
    static final double FAR = Math.PI / 4;
    static final int SAC_STEPS_DEFAULT = 20_000;
    static final int SAC_HIDDEN_DEFAULT = 32;
    static final int SAC_BATCH_DEFAULT = 128;

    static final String BASE_POLICY = "base_policy";
    static final String SAC_STEPS = "sac_steps";
    static final String SAC_HIDDEN = "sac_hidden";
    static final String SAC_BATCH = "sac_batch";
    static final String SAC_LR = "sac_lr";
    static final String LEARNING_STARTS = "learning_starts";
    static final String PROBE_STEPS = "probe_steps";
    static final double SAC_GAMMA = 0.99;
    static final double SAC_TAU = 0.005;
    /** Test goals whose first episode's path is recorded (degrees): far from the default training arc. */
    static final double[] PATH_GOALS = {180, 270};

    static final String CONTEXT_HIDDEN = "context_hidden";
    static final String CONTEXT_LR = "context_lr";
    static final String CONTEXT_MAX = "context_max";
    static final int CONTEXT_LATENT = 2;
    static final double CONTEXT_TEMPERATURE = 1.0;

    static final List<String> METHODS = List.of("oracle", "random-policy", "nearest-task", "hereditary",
            "context-sac");

    static final List<MetricDef> METRICS = List.of(
            MetricDef.higher("return_all", "episode return", "mean episode return over every test goal", true),
            MetricDef.higher("return_far", "episode return", "the same over the test goals more than 45 degrees "
                    + "from every training goal", true),
            MetricDef.higher("return_near", "episode return", "the same over the test goals within 45 degrees "
                    + "of a training goal", false),
            MetricDef.higher("success_rate", "share of episodes", "episodes that reach the goal", false),
            MetricDef.lower("regret", "episode return", "the oracle's return minus the method's, on the same "
                    + "episodes (start and noise)", false));

    static final List<ParamDef> PROTOCOL = List.of(
            ParamDef.number(TRAIN_ARC, 90.0, 0.0, false, 360.0, "degrees of the arc [0, arc] holding the training "
                    + "goals (evenly spaced, both ends included)"),
            ParamDef.integer(TRAIN_GOALS, 4, 1, 1000, "training goals"),
            ParamDef.integer(TEST_GOALS, 36, 1, 100_000, "test goals, evenly spaced around the circle"),
            ParamDef.integer(EPISODES, 10, 1, 100_000, "episodes per test goal"),
            ParamDef.choice(BASE_POLICY, "sac", List.of("sac", "straight-line"), "the training goals' policies that "
                    + "nearest-task and hereditary reuse: learnt by SAC, or the perfect straight-line policy"),
            ParamDef.integer(SAC_STEPS, SAC_STEPS_DEFAULT, 1, 10_000_000, "SAC environment steps per training task "
                    + "(one gradient step each after learning_starts)"),
            ParamDef.integer(SAC_HIDDEN, SAC_HIDDEN_DEFAULT, 1, 4096, "units in each of the two hidden layers of "
                    + "SAC's actor and critics"),
            ParamDef.integer(SAC_BATCH, SAC_BATCH_DEFAULT, 1, 100_000, "SAC's replay batch per gradient step"),
            ParamDef.number(SAC_LR, 3e-4, 0.0, true, 1.0, "SAC's Adam learning rate (actor, critics, temperature)"),
            ParamDef.integer(LEARNING_STARTS, 100, 0, 10_000_000, "SAC's first steps with uniform random actions "
                    + "and no update"),
            ParamDef.integer(PROBE_STEPS, 1, 1, PointNav.HORIZON - 1, "hereditary and context-sac: random steps "
                    + "at the start of each test episode (their rewards count) before they first infer the task"),
            ParamDef.integer(CONTEXT_HIDDEN, 32, 1, 4096, "context-sac: units in each of the two hidden layers of "
                    + "its transition encoder"),
            ParamDef.number(CONTEXT_LR, 3e-3, 0.0, true, 1.0, "context-sac: the encoder's Adam learning rate "
                    + "(InfoNCE)"),
            ParamDef.integer(CONTEXT_MAX, PointNav.HORIZON, 1, PointNav.HORIZON, "context-sac: the most "
                    + "transitions of the current episode its code is made of (training contexts: the first 1 to "
                    + "context_max transitions of a stored episode)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "2-D point navigation to goals around the unit circle, trained near a few goals, tested on all";
    }

    @Override
    public List<String> methods() {
        return METHODS;
    }

    @Override
    protected List<ParamDef> protocol() {
        return PROTOCOL;
    }

    @Override
    public List<MetricDef> metrics() {
        return METRICS;
    }

    /** The paper's qualitative claims (no numbers published), paired on the seed. */
    @Override
    public List<PublishedClaim> claims() {
        String table = "hereditary symmetry paper, navigation";
        String source = "paper (qualitative: no numbers published)";
        return List.of(
                PublishedClaim.better(table, source, new Side("hereditary", "full", "return_far"),
                        new Side("context-sac", "full", "return_far"), Map.of(),
                        "far from the training goals, the hereditary agent beats the task-encoding baseline"),
                PublishedClaim.better(table, source, new Side("hereditary", "full", "return_all"),
                        new Side("context-sac", "full", "return_all"), Map.of(),
                        "over the whole goal circle, the hereditary agent beats the task-encoding baseline"),
                PublishedClaim.better(table, source, new Side("context-sac", "full", "return_near"),
                        new Side("context-sac", "full", "return_far"), Map.of(),
                        "the task-encoding baseline generalises only near its training goals (near beats far)"));
    }

    static double[] goal(double angle) {
        return new double[] {Math.cos(angle), Math.sin(angle)};
    }

    static double[] trainingAngles(ParamSet p) {
        int n = p.getInt(TRAIN_GOALS);
        double arc = Math.toRadians(p.getDouble(TRAIN_ARC));
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = n == 1 ? 0 : arc * i / (n - 1);
        }
        return a;
    }

    /** The angle between two directions, in [0, pi]. */
    static double angularDistance(double a, double b) {
        return Math.abs(Math.IEEEremainder(a - b, 2 * Math.PI));
    }

    /** The angular distance of an angle from the nearest training angle, in [0, pi]. */
    static double distance(double angle, double[] training) {
        return angularDistance(angle, training[nearestIndex(angle, training)]);
    }

    /** One episode's return and success; noise and start come from {@code random}. */
    record Episode(double ret, boolean success) {
    }

    static Episode episode(NavController agent, double[] goal, GaussianStream random) {
        return episode(agent, goal, random, 1.0, null);
    }

    /**
     * The same with the start's and the steps' noise scaled by {@code noise} (0: a deterministic episode); every
     * position, the start first, goes into {@code path} unless it is null.
     */
    static Episode episode(NavController agent, double[] goal, GaussianStream random, double noise,
                           List<double[]> path) {
        double[] p = {noise * PointNav.NOISE * random.nextGaussian(), noise * PointNav.NOISE * random.nextGaussian()};
        if (path != null) {
            path.add(p);
        }
        double ret = 0;
        for (int t = 0; t < PointNav.HORIZON; t++) {
            double[] next = PointNav.step(p, agent.action(p), new double[] {noise * random.nextGaussian(),
                    noise * random.nextGaussian()});
            double reward = PointNav.reward(next, goal);
            agent.observe(next, reward);
            ret += reward;
            p = next;
            if (path != null) {
                path.add(p);
            }
            if (PointNav.success(next, goal) && t < PointNav.HORIZON - 1) {
                return new Episode(ret, true);
            }
        }
        return new Episode(ret, false);
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        double[] training = trainingAngles(p);
        int goals = p.getInt(TEST_GOALS);
        int episodes = p.getInt(EPISODES);
        GaussianStream actions = GaussianStream.forRun(spec.seed(), "policy");
        TrainingPolicies policies = new TrainingPolicies(p, spec.seed(), training, listener);
        double[] angle = new double[goals];
        double[] meanReturn = new double[goals];
        double all = 0;
        double far = 0;
        int farCount = 0;
        double near = 0;
        int successes = 0;
        double regret = 0;
        Map<String, Trace> traces = new LinkedHashMap<>();
        for (int g = 0; g < goals; g++) {
            angle[g] = 2 * Math.PI * g / goals;
            double[] target = goal(angle[g]);
            for (int e = 0; e < episodes; e++) {
                NavController agent = switch (spec.method()) {
                    case "oracle" -> NavPolicy.straightTo(target);
                    case "random-policy" -> s -> PointNav.randomAction(actions);
                    case "hereditary" -> new HereditaryController(policies.get(0), goal(training[0]),
                            p.getInt(PROBE_STEPS), GaussianStream.forRun(spec.seed(), "probe-" + g + "-" + e));
                    case "context-sac" -> new ContextController(policies.conditioned(), p.getInt(PROBE_STEPS),
                            p.getInt(CONTEXT_MAX), GaussianStream.forRun(spec.seed(), "probe-" + g + "-" + e));
                    default -> policies.get(nearestIndex(angle[g], training));
                };
                boolean drawn = e == 0 && isPathGoal(angle[g]);
                List<double[]> path = drawn ? new java.util.ArrayList<>() : null;
                // the same starts and noise for every method: one stream per goal and episode
                Episode mine = episode(agent, target, GaussianStream.forRun(spec.seed(), "episode-" + g + "-" + e),
                        1.0, path);
                Episode best = episode(NavPolicy.straightTo(target), target,
                        GaussianStream.forRun(spec.seed(), "episode-" + g + "-" + e));
                meanReturn[g] += mine.ret() / episodes;
                successes += mine.success() ? 1 : 0;
                regret += best.ret() - mine.ret();
                if (drawn) {
                    traces.put(String.format(java.util.Locale.ROOT, "path-to-%.0f-degrees", Math.toDegrees(angle[g])),
                            pathTrace(path, target, training));
                }
            }
            all += meanReturn[g];
            if (distance(angle[g], training) > FAR) {
                far += meanReturn[g];
                farCount++;
            } else {
                near += meanReturn[g];
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("return_all", all / goals);
        metrics.put("return_far", farCount > 0 ? far / farCount : Double.NaN);
        metrics.put("return_near", farCount < goals ? near / (goals - farCount) : Double.NaN);
        metrics.put("success_rate", successes / (double) (goals * episodes));
        metrics.put("regret", regret / (goals * episodes));
        double[] degrees = new double[goals];
        for (int g = 0; g < goals; g++) {
            degrees[g] = Math.toDegrees(angle[g]);
        }
        Map<String, Curve> curves = Map.of("return_by_goal", new Curve("goal angle (degrees)", "mean episode return",
                degrees, meanReturn, List.of()));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), RunStatus.OK, spec.benchmark(), spec.method(), spec.variant(), spec.seed(), p,
                metrics, curves, traces, seconds, null, Provenance.current());
    }

    private static boolean isPathGoal(double angle) {
        for (double d : PATH_GOALS) {
            if (Math.abs(Math.toDegrees(angle) - d) < 1e-9) {
                return true;
            }
        }
        return false;
    }

    /** One episode's path with the test goal and the training goals (shared by every method of the seed). */
    private static Trace pathTrace(List<double[]> path, double[] target, double[] training) {
        double[] x = new double[path.size()];
        double[] y = new double[path.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = path.get(i)[0];
            y[i] = path.get(i)[1];
        }
        double[] tx = new double[training.length];
        double[] ty = new double[training.length];
        for (int i = 0; i < training.length; i++) {
            tx[i] = Math.cos(training[i]);
            ty[i] = Math.sin(training[i]);
        }
        return new Trace(Trace.Kind.EXAMPLE, "x", "y", List.of(
                new Trace.Series("test goal", Trace.Style.POINTS, true, new double[] {target[0]},
                        new double[] {target[1]}),
                new Trace.Series("training goals", Trace.Style.POINTS, true, tx, ty),
                new Trace.Series("path", Trace.Style.LINE, false, x, y)));
    }

    /**
     * The training goals' policies, made on first use (a method trains only those it reuses): per-task SAC, or
     * the straight-line policies with {@code base_policy: straight-line}.
     */
    private static final class TrainingPolicies {
        private final ParamSet p;
        private final long seed;
        private final double[] training;
        private final RunListener listener;
        private final NavPolicy[] made;
        private ContextSacTraining.Trained conditioned;

        TrainingPolicies(ParamSet p, long seed, double[] training, RunListener listener) {
            this.p = p;
            this.seed = seed;
            this.training = training;
            this.listener = listener;
            this.made = new NavPolicy[training.length];
        }

        NavPolicy get(int task) {
            if (made[task] == null) {
                double[] g = goal(training[task]);
                if (p.getString(BASE_POLICY).equals("straight-line")) {
                    made[task] = NavPolicy.straightTo(g);
                } else {
                    made[task] = TaskPolicyTraining.train(g, seed, task, sacSettings(), p.getInt(SAC_STEPS),
                            p.getInt(LEARNING_STARTS)).policy();
                    listener.progress(task + 1, training.length, "trained the SAC policy of training goal " + task);
                }
            }
            return made[task];
        }

        /** The context-SAC policy of all training goals, with the per-task policies' total step budget. */
        ContextSacTraining.Trained conditioned() {
            if (conditioned == null) {
                double[][] goals = new double[training.length][];
                for (int i = 0; i < goals.length; i++) {
                    goals[i] = goal(training[i]);
                }
                conditioned = ContextSacTraining.train(goals, seed, sacSettings(),
                        new ContextSacTraining.EncoderSettings(p.getInt(CONTEXT_HIDDEN), CONTEXT_LATENT,
                                p.getDouble(CONTEXT_LR), CONTEXT_TEMPERATURE, p.getInt(CONTEXT_MAX)),
                        p.getInt(SAC_STEPS), p.getInt(LEARNING_STARTS), p.getInt(PROBE_STEPS));
                listener.progress(1, 1, "trained the context-SAC policy of the training goals");
            }
            return conditioned;
        }

        private SoftActorCritic.Settings sacSettings() {
            return new SoftActorCritic.Settings(p.getInt(SAC_HIDDEN), p.getDouble(SAC_LR), SAC_GAMMA, SAC_TAU,
                    p.getInt(SAC_BATCH));
        }
    }

    /** The index of the training angle nearest to {@code angle} (the first on a tie). */
    static int nearestIndex(double angle, double[] training) {
        int best = 0;
        for (int i = 1; i < training.length; i++) {
            if (angularDistance(angle, training[i]) < angularDistance(angle, training[best])) {
                best = i;
            }
        }
        return best;
    }
}
