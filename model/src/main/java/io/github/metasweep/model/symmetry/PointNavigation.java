package io.github.metasweep.model.symmetry;

import io.github.metasweep.model.core.SingleVariantBenchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' benchmark of the hereditary-symmetry family (docs/protocols/hereditary-symmetry.md): training goals
 * inside an arc of the unit circle, test goals all around it; every method is scored on the same episodes (start
 * and noise from the seed's streams, per goal and episode), against the straight-line oracle. The learnt agents
 * (per-task SAC, hereditary, context-SAC) are not built yet; the controls are: {@code oracle}, {@code random-policy}, and
 * {@code nearest-task} (the straight-line policy of the training goal nearest to the test goal, untransformed:
 * what reusing the nearest training task without the symmetry gives, with a perfect per-task policy).
 */
public final class PointNavigation extends SingleVariantBenchmark {
    public static final String NAME = "point-nav";
    static final String TRAIN_ARC = "train_arc";
    static final String TRAIN_GOALS = "train_goals";
    static final String TEST_GOALS = "test_goals";
    static final String EPISODES = "episodes";
    static final double FAR = Math.PI / 4;

    static final List<String> METHODS = List.of("oracle", "random-policy", "nearest-task");

    static final List<MetricDef> METRICS = List.of(
            MetricDef.higher("return_all", "episode return", "mean episode return over every test goal", true),
            MetricDef.higher("return_far", "episode return", "the same over the test goals more than 45 degrees "
                    + "from every training goal", true),
            MetricDef.higher("success_rate", "share of episodes", "episodes that reach the goal", false),
            MetricDef.lower("regret", "episode return", "the oracle's return minus the method's, on the same "
                    + "episodes (start and noise)", false));

    static final List<ParamDef> PROTOCOL = List.of(
            ParamDef.number(TRAIN_ARC, 90.0, 0.0, false, 360.0, "degrees of the arc [0, arc] holding the training "
                    + "goals (evenly spaced, both ends included)"),
            ParamDef.integer(TRAIN_GOALS, 4, 1, 1000, "training goals"),
            ParamDef.integer(TEST_GOALS, 36, 1, 100_000, "test goals, evenly spaced around the circle"),
            ParamDef.integer(EPISODES, 10, 1, 100_000, "episodes per test goal"));

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

    /** The angular distance of an angle from the nearest training angle, in [0, pi]. */
    static double distance(double angle, double[] training) {
        double best = Math.PI;
        for (double t : training) {
            double d = Math.abs(Math.IEEEremainder(angle - t, 2 * Math.PI));
            best = Math.min(best, d);
        }
        return best;
    }

    /** One episode's return and success; noise and start come from {@code random}. */
    record Episode(double ret, boolean success) {
    }

    static Episode episode(NavPolicy policy, double[] goal, GaussianStream random) {
        return episode(policy, goal, random, 1.0);
    }

    /** The same with the start's and the steps' noise scaled by {@code noise} (0: a deterministic episode). */
    static Episode episode(NavPolicy policy, double[] goal, GaussianStream random, double noise) {
        double[] p = {noise * PointNav.NOISE * random.nextGaussian(), noise * PointNav.NOISE * random.nextGaussian()};
        double ret = 0;
        for (int t = 0; t < PointNav.HORIZON; t++) {
            double[] next = PointNav.step(p, policy.action(p), new double[] {noise * random.nextGaussian(),
                    noise * random.nextGaussian()});
            ret += PointNav.reward(next, goal);
            p = next;
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
        double[] angle = new double[goals];
        double[] meanReturn = new double[goals];
        double all = 0;
        double far = 0;
        int farCount = 0;
        int successes = 0;
        double regret = 0;
        for (int g = 0; g < goals; g++) {
            angle[g] = 2 * Math.PI * g / goals;
            double[] target = goal(angle[g]);
            NavPolicy policy = switch (spec.method()) {
                case "oracle" -> NavPolicy.straightTo(target);
                case "random-policy" -> s -> new double[] {actions.uniform(-PointNav.ACTION_LIMIT, PointNav.ACTION_LIMIT),
                        actions.uniform(-PointNav.ACTION_LIMIT, PointNav.ACTION_LIMIT)};
                default -> NavPolicy.straightTo(goal(nearest(angle[g], training)));
            };
            for (int e = 0; e < episodes; e++) {
                // the same starts and noise for every method: one stream per goal and episode
                Episode mine = episode(policy, target, GaussianStream.forRun(spec.seed(), "episode-" + g + "-" + e));
                Episode best = episode(NavPolicy.straightTo(target), target,
                        GaussianStream.forRun(spec.seed(), "episode-" + g + "-" + e));
                meanReturn[g] += mine.ret() / episodes;
                successes += mine.success() ? 1 : 0;
                regret += best.ret() - mine.ret();
            }
            all += meanReturn[g];
            if (distance(angle[g], training) > FAR) {
                far += meanReturn[g];
                farCount++;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("return_all", all / goals);
        metrics.put("return_far", farCount > 0 ? far / farCount : Double.NaN);
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
                metrics, curves, Map.of(), seconds, null, Provenance.current());
    }

    static double nearest(double angle, double[] training) {
        double best = training[0];
        for (double t : training) {
            if (Math.abs(Math.IEEEremainder(angle - t, 2 * Math.PI))
                    < Math.abs(Math.IEEEremainder(angle - best, 2 * Math.PI))) {
                best = t;
            }
        }
        return best;
    }
}
