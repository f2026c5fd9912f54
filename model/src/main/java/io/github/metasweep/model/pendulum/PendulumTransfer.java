package io.github.metasweep.model.pendulum;

import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.env.PendulumPolicy;
import io.github.metasweep.model.pendulum.method.Expert;
import io.github.metasweep.model.pendulum.method.Finetune;
import io.github.metasweep.model.pendulum.method.FrozenInit;
import io.github.metasweep.model.pendulum.method.Maml;
import io.github.metasweep.model.pendulum.method.NeuronMlMethod;
import io.github.metasweep.model.pendulum.method.NeuralBattery;
import io.github.metasweep.model.pendulum.method.PendulumAgent;
import io.github.metasweep.model.pendulum.method.PendulumMethod;
import io.github.metasweep.model.pendulum.method.ZeroAction;
import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.MetricDef;
import io.github.metasweep.model.core.PublishedClaim;
import io.github.metasweep.model.core.Trace;
import io.github.metasweep.model.core.InvalidSpecException;
import io.github.metasweep.model.core.ParamDef;
import io.github.metasweep.model.core.ParamSet;
import io.github.metasweep.model.core.Provenance;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protocol section 4: pretrain at the easy amplitude, then keep training the same agent at the hard
 * one; one update after every episode; best and avg-10 over the transfer episodes.
 */
public final class PendulumTransfer implements Benchmark {
    public static final String NAME = "pendulum-transfer";
    public static final String PRETRAIN_EPISODES = "pretrain_episodes";
    public static final String TRANSFER_EPISODES = "transfer_episodes";
    public static final String STEPS = "steps";
    public static final String A_PRETRAIN = "a_pretrain";
    public static final String A_TRANSFER = "a_transfer";
    public static final String BEST_RETURN = "best_return";
    public static final String AVG10_RETURN = "avg10_return";
    public static final String RETURNS_CURVE = "returns";
    public static final String GATES_TRACE = "gates";

    static final List<MetricDef> METRICS = List.of(
            MetricDef.higher(BEST_RETURN, "episode return", "max over the transfer episodes of the episode return "
                    + "(sum of rewards); the paper's headline metric", true),
            MetricDef.higher(AVG10_RETURN, "episode return", "mean return of the last 10 transfer episodes: where "
                    + "the policy ended up, not its luckiest episode", true));
    private static final PublishedNumbers PUBLISHED = PublishedNumbers.neuralBattery();

    static final List<ParamDef> PROTOCOL = List.of(
            ParamDef.integer(PRETRAIN_EPISODES, 50, 0, 1_000_000, "episodes at the easy amplitude"),
            ParamDef.integer(TRANSFER_EPISODES, 100, 1, 1_000_000, "episodes at the hard amplitude"),
            ParamDef.integer(STEPS, 1000, 1, 1_000_000, "steps per episode"),
            ParamDef.number(A_PRETRAIN, 1.0, 0.0, false, 100.0, "forcing amplitude A of pretraining"),
            ParamDef.number(A_TRANSFER, 1.8, 0.0, false, 100.0, "forcing amplitude A of transfer"));

    private final Map<String, PendulumMethod> methods = new LinkedHashMap<>();

    public PendulumTransfer() {
        this(List.of(Maml.secondOrder(), Maml.firstOrder(), NeuralBattery.nb(), NeuralBattery.nbPro(), new Finetune(),
                new ZeroAction(), new FrozenInit(),
                new Expert(), new NeuronMlMethod()));
    }

    public PendulumTransfer(List<PendulumMethod> methods) {
        for (PendulumMethod m : methods) {
            this.methods.put(m.name(), m);
        }
    }

    /** Task difficulty of protocol section 3: clamp((A - 1.0)/0.8, 0, 1). */
    public static double difficulty(double amplitude) {
        return Math.max(0.0, Math.min(1.0, (amplitude - 1.0) / 0.8));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pretrain on the forced pendulum at amplitude a_pretrain, then keep training at a_transfer; "
                + "one update per episode";
    }

    @Override
    public List<MetricDef> metrics() {
        return METRICS;
    }

    @Override
    public List<PublishedClaim> claims() {
        return NeuralBatteryClaims.of(PUBLISHED);
    }

    @Override
    public List<String> publishedNotes() {
        return NeuralBatteryClaims.notes(PUBLISHED);
    }

    @Override
    public List<String> methods() {
        return List.copyOf(methods.keySet());
    }

    /** The method behind a name; an unknown name is an {@link InvalidSpecException}. */
    public PendulumMethod method(String name) {
        PendulumMethod m = methods.get(name);
        if (m == null) {
            throw new InvalidSpecException("method", "method: unknown method '" + name + "'; accepted: "
                    + String.join(", ", methods.keySet()));
        }
        return m;
    }

    @Override
    public List<ParamDef> params(String methodName) {
        List<ParamDef> all = new ArrayList<>(PROTOCOL);
        all.addAll(method(methodName).params());
        return all;
    }

    @Override
    public List<String> variants(String methodName) {
        return List.copyOf(method(methodName).variants().keySet());
    }

    @Override
    public Map<String, Object> variantOverrides(String methodName, String variant) {
        Map<String, Object> v = method(methodName).variants().get(variant);
        if (v == null) {
            throw new InvalidSpecException("variant", "variant: unknown variant '" + variant + "' of method "
                    + methodName + "; accepted: " + String.join(", ", variants(methodName)));
        }
        return v;
    }

    @Override
    public RunResult run(RunSpec spec, RunListener listener) {
        long start = System.nanoTime();
        ParamSet p = spec.params();
        PendulumAgent agent = method(spec.method()).create(p, spec.seed());
        InitialStates initialStates = new InitialStates(spec.seed());
        int steps = p.getInt(STEPS);
        int pretrain = p.getInt(PRETRAIN_EPISODES);
        int transfer = p.getInt(TRANSFER_EPISODES);
        int total = pretrain + transfer;
        double[][] returns = {new double[pretrain], new double[transfer]};
        int[] done = new int[2];
        List<GateReading> trace = new ArrayList<>();
        String message = null;
        int episode = 0;
        phases:
        for (int phase = 0; phase < 2; phase++) {
            String phaseName = phase == 0 ? "pretrain" : "transfer";
            double amplitude = p.getDouble(phase == 0 ? A_PRETRAIN : A_TRANSFER);
            double tau = difficulty(amplitude);
            ForcedPendulum env = new ForcedPendulum(amplitude);
            for (int i = 0; i < returns[phase].length; i++, episode++) {
                PendulumPolicy policy = agent.policyForEpisode();
                initialStates.resetNext(env);
                Episode e = Episode.rollout(env, policy, steps);
                if (!Double.isFinite(e.episodeReturn())) {
                    message = "non-finite return in " + phaseName + " episode " + i;
                    break phases;
                }
                returns[phase][i] = e.episodeReturn();
                done[phase]++;
                if (!agent.learn(e, tau)) {
                    message = "non-finite loss or gradient after " + phaseName + " episode " + i;
                    break phases;
                }
                GateReading g = agent.gates(episode, phaseName);
                if (g != null) {
                    trace.add(g);
                }
                listener.progress(episode + 1, total, String.format(java.util.Locale.ROOT, "%s, return %.1f",
                        phaseName, e.episodeReturn()));
            }
        }
        double[] pre = Arrays.copyOf(returns[0], done[0]);
        double[] post = Arrays.copyOf(returns[1], done[1]);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] all = Arrays.copyOf(pre, pre.length + post.length);
        System.arraycopy(post, 0, all, pre.length, post.length);
        Curve curve = Curve.indexed("episode (pretrain, then transfer)", "episode return (sum of rewards)", all);
        curve = new Curve(curve.xLabel(), curve.yLabel(), curve.x(), curve.y(), List.of(
                new Curve.Phase("pretrain", 0, pre.length), new Curve.Phase("transfer", pre.length, all.length)));
        Map<String, Trace> traces = trace.isEmpty() ? Map.of() : Map.of(GATES_TRACE, gateTrace(trace));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(BEST_RETURN, best(post));
        metrics.put(AVG10_RETURN, averageOfLast10(post));
        return new RunResult(spec.id(), message == null ? RunStatus.OK : RunStatus.DIVERGED, spec.benchmark(),
                spec.method(), spec.variant(), spec.seed(), p, metrics, Map.of(RETURNS_CURVE, curve), traces,
                seconds, message, Provenance.current());
    }

    /** The gates after every episode's update, one series per layer and kind, against the 1-based episode. */
    static Trace gateTrace(List<GateReading> readings) {
        List<Trace.Series> series = new ArrayList<>();
        GateReading first = readings.get(0);
        double[] x = readings.stream().mapToDouble(g -> g.episode() + 1).toArray();
        for (int layer = 0; layer < first.layer().length; layer++) {
            final int l = layer;
            series.add(new Trace.Series("layer " + (l + 1) + " sigmoid(k)", Trace.Style.LINE, false, x,
                    readings.stream().mapToDouble(g -> g.layer()[l]).toArray()));
            if (first.blockMean().length > l) {
                series.add(new Trace.Series("layer " + (l + 1) + " mean block gate", Trace.Style.LINE, false, x,
                        readings.stream().mapToDouble(g -> g.blockMean()[l]).toArray()));
            }
            series.add(new Trace.Series("layer " + (l + 1) + " k-target", Trace.Style.LINE, false, x,
                    readings.stream().mapToDouble(g -> g.target()[l]).toArray()));
        }
        return new Trace(Trace.Kind.BAND, "episode (pretrain, then transfer)", "gate value", series);
    }

    /** Max of the transfer returns (the paper's headline metric); NaN for none. */
    public static double best(double[] returns) {
        double best = Double.NaN;
        for (double r : returns) {
            if (Double.isNaN(best) || r > best) {
                best = r;
            }
        }
        return best;
    }

    /** Mean of the last 10 returns (of all, when fewer); NaN for none. */
    public static double averageOfLast10(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        int from = Math.max(0, returns.length - 10);
        double sum = 0;
        for (int i = from; i < returns.length; i++) {
            sum += returns[i];
        }
        return sum / (returns.length - from);
    }
}
