package io.github.metasweep.model.bench;

import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.method.NeuralBattery;
import io.github.metasweep.model.pendulum.method.PendulumAgent;
import io.github.metasweep.model.pendulum.nn.LossTerms;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicySnapshot;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model's micro-benchmarks (docs/performance.md), on JMH: per-step action and action + pendulum
 * step of the nb-pro policy (hidden 64), one loss + exact gradient (nb-pro and plain networks, 500 and
 * 1000 rows), one nb-pro update (loss, gradient, clipping, Adam on a 1000-step episode) and one exact
 * Hessian-vector product of the plain networks on a 500-row support set (MAML's, 5 per update).
 * Whole runs are {@link WholeRuns}. Run with {@code scripts/bench.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModelMicroBench {

    /** The nb-pro policy on plain arrays and a pendulum it drives, reset every 1024 steps. */
    @State(Scope.Thread)
    public static class Acting {
        PolicySnapshot policy;
        ForcedPendulum env;
        InitialStates states;
        int step;

        @Setup
        public void setUp() {
            NetworkShape shape = new NetworkShape(64, true, true, 16, 0.3);
            policy = new PolicySnapshot(shape, shape.initialize(new GaussianStream(1), 0.25, 0.3, Precision.FLOAT32));
            env = new ForcedPendulum(1.8);
            states = new InitialStates(1);
            states.resetNext(env);
        }
    }

    @Benchmark
    public float action(Acting s) {
        int i = s.step++;
        return s.policy.act(0.001f * (i & 1023), -0.002f * (i & 511));
    }

    @Benchmark
    public float actionAndPendulumStep(Acting s) {
        float u = s.policy.act(s.env.theta(), s.env.thetaDot());
        s.env.step(u);
        if ((++s.step & 1023) == 0) {
            s.states.resetNext(s.env);
        }
        return u;
    }

    /** Loss and exact gradient on a batch of random rows (float32, as the runs). */
    @State(Scope.Thread)
    public static class Loss {
        @Param({"nb-pro", "plain"})
        public String networks;
        @Param({"1000", "500"})
        public int rows;
        PolicyValueLoss loss;
        double[] p;
        TrainingBatch batch;

        @Setup
        public void setUp() {
            NetworkShape shape = networks.equals("plain") ? NetworkShape.plain(64) : new NetworkShape(64, true, true, 16, 0.3);
            p = shape.initialize(new GaussianStream(2), 0.25, 0.3, Precision.FLOAT32);
            loss = new PolicyValueLoss(shape, Precision.FLOAT32);
            batch = batch(rows);
        }
    }

    @Benchmark
    public LossTerms lossAndGradient(Loss s) {
        return s.loss.evaluate(s.p, s.batch, 1.0, 0.1);
    }

    /** MAML's product: plain networks, 500 support rows, v a gradient-sized direction. */
    @State(Scope.Thread)
    public static class Product {
        PolicyValueLoss loss;
        double[] p;
        double[] v;
        TrainingBatch batch;

        @Setup
        public void setUp() {
            NetworkShape shape = NetworkShape.plain(64);
            p = shape.initialize(new GaussianStream(2), 0, 0, Precision.FLOAT32);
            loss = new PolicyValueLoss(shape, Precision.FLOAT32);
            batch = batch(500);
            v = loss.evaluate(p, batch, 0, 0).gradient();
        }
    }

    @Benchmark
    public double[] hessianVectorProduct(Product s) {
        return s.loss.hessianVector(s.p, s.v, s.batch, true);
    }

    /** An nb-pro agent and a fresh 1000-step episode of its policy before each update. */
    @State(Scope.Thread)
    public static class Update {
        PendulumAgent agent;
        ForcedPendulum env;
        InitialStates states;
        Episode episode;

        @Setup(Level.Trial)
        public void setUp() {
            RunSpec spec = RunSpec.resolve("pendulum-transfer", "nb-pro", "full", Map.of(), 0);
            agent = NeuralBattery.nbPro().create(spec.params(), 0);
            env = new ForcedPendulum(1.0);
            states = new InitialStates(0);
        }

        @Setup(Level.Invocation)
        public void nextEpisode() {
            states.resetNext(env);
            episode = Episode.rollout(env, agent.policyForEpisode(), 1000);
        }
    }

    @Benchmark
    public boolean nbProUpdate(Update s) {
        return s.agent.learn(s.episode, 0.0);
    }

    static TrainingBatch batch(int rows) {
        GaussianStream r = new GaussianStream(rows);
        float[] s = new float[2 * rows];
        float[] a = new float[rows];
        float[] w = new float[rows];
        for (int i = 0; i < rows; i++) {
            s[2 * i] = (float) r.uniform(-3, 3);
            s[2 * i + 1] = (float) r.uniform(-3, 3);
            a[i] = (float) r.uniform(-2, 2);
            w[i] = (float) r.uniform(-3, 0);
        }
        return new TrainingBatch(rows, s, a, w);
    }
}
