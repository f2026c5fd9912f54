package io.github.metasweep.model.benchmark;

import io.github.metasweep.model.env.Episode;
import io.github.metasweep.model.env.ForcedPendulum;
import io.github.metasweep.model.env.InitialStates;
import io.github.metasweep.model.env.PendulumPolicy;
import io.github.metasweep.model.method.Expert;
import io.github.metasweep.model.method.Finetune;
import io.github.metasweep.model.method.FrozenInit;
import io.github.metasweep.model.method.Maml;
import io.github.metasweep.model.method.NeuralBattery;
import io.github.metasweep.model.method.PendulumAgent;
import io.github.metasweep.model.method.PendulumMethod;
import io.github.metasweep.model.method.ZeroAction;
import io.github.metasweep.model.run.Benchmark;
import io.github.metasweep.model.run.GateReading;
import io.github.metasweep.model.run.InvalidSpecException;
import io.github.metasweep.model.run.ParamDef;
import io.github.metasweep.model.run.ParamSet;
import io.github.metasweep.model.run.Provenance;
import io.github.metasweep.model.run.RunListener;
import io.github.metasweep.model.run.RunResult;
import io.github.metasweep.model.run.RunSpec;
import io.github.metasweep.model.run.RunStatus;
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
                new Expert()));
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
                listener.episodeDone(episode + 1, total, phaseName, e.episodeReturn());
            }
        }
        double[] pre = Arrays.copyOf(returns[0], done[0]);
        double[] post = Arrays.copyOf(returns[1], done[1]);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(spec.id(), message == null ? RunStatus.OK : RunStatus.DIVERGED, spec.benchmark(),
                spec.method(), spec.variant(), spec.seed(), p, RunResult.best(post), RunResult.averageOfLast10(post),
                pre, post, trace, seconds, message, Provenance.current());
    }
}
