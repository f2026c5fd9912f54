package io.github.metasweep.model.bench;

import io.github.metasweep.model.core.optim.Adam;
import io.github.metasweep.model.pendulum.env.Episode;
import io.github.metasweep.model.pendulum.env.ForcedPendulum;
import io.github.metasweep.model.core.GaussianStream;
import io.github.metasweep.model.pendulum.env.InitialStates;
import io.github.metasweep.model.pendulum.method.PendulumAgent;
import io.github.metasweep.model.pendulum.nn.NetworkShape;
import io.github.metasweep.model.pendulum.nn.PolicySnapshot;
import io.github.metasweep.model.pendulum.nn.PolicyValueLoss;
import io.github.metasweep.model.core.optim.Precision;
import io.github.metasweep.model.pendulum.nn.TrainingBatch;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.Runner;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The model's speed figures for docs/performance.md: per-step action latency, one loss+gradient on
 * a 1000-step batch, one nb-pro update, and whole runs. Reports the median of repeated timings
 * after a warm-up. Run with {@code scripts/bench.sh}.
 */
public final class ModelBenchmark {
    private ModelBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "java %s, OMP_NUM_THREADS=%s, %d repeats (median shown)%n",
                System.getProperty("java.version"), System.getenv("OMP_NUM_THREADS"), repeats);
        actionLatency();
        gradientOnBatch(repeats);
        wholeRun("nb-pro", Map.of(), repeats);
        wholeRun("nb", Map.of(), repeats);
        wholeRun("maml", Map.of(), Math.max(1, repeats / 2));
        wholeRun("maml", Map.of("inner_lr", "0.001"), Math.max(1, repeats / 2));
        wholeRun("fomaml", Map.of("inner_lr", "0.001"), Math.max(1, repeats / 2));
    }

    static void actionLatency() {
        NetworkShape shape = new NetworkShape(64, true, true, 16, 0.3);
        double[] p = shape.initialize(new GaussianStream(1), 0.25, 0.3, Precision.FLOAT32);
        PolicySnapshot policy = new PolicySnapshot(shape, p);
        ForcedPendulum env = new ForcedPendulum(1.8);
        InitialStates states = new InitialStates(1);
        double[] nsPerStep = new double[7];
        float sink = 0;
        for (int round = 0; round < nsPerStep.length; round++) {
            states.resetNext(env);
            int steps = 200_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                float u = policy.act(env.theta(), env.thetaDot());
                sink += u;
                env.step(u);
                if ((i & 1023) == 1023) {
                    states.resetNext(env);
                }
            }
            nsPerStep[round] = (System.nanoTime() - t0) / (double) steps;
        }
        // action alone: the same policy on a fixed state stream
        double[] nsPerAction = new double[7];
        for (int round = 0; round < nsPerAction.length; round++) {
            int steps = 1_000_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                sink += policy.act(0.001f * (i & 1023), -0.002f * (i & 511));
            }
            nsPerAction[round] = (System.nanoTime() - t0) / (double) steps;
        }
        System.out.printf(Locale.ROOT, "per-step action (nb-pro, hidden 64): %.3f us; action + pendulum step: %.3f us  (sink %.1f)%n",
                median(Arrays.copyOfRange(nsPerAction, 2, 7)) / 1e3, median(Arrays.copyOfRange(nsPerStep, 2, 7)) / 1e3, sink);
    }

    static void gradientOnBatch(int repeats) {
        for (boolean gated : new boolean[] {true, false}) {
            NetworkShape shape = gated ? new NetworkShape(64, true, true, 16, 0.3) : NetworkShape.plain(64);
            double[] p = shape.initialize(new GaussianStream(2), 0.25, 0.3, Precision.FLOAT32);
            PolicyValueLoss loss = new PolicyValueLoss(shape, Precision.FLOAT32);
            for (int rows : new int[] {1000, 500}) {
                TrainingBatch batch = batch(rows);
                for (int i = 0; i < 20; i++) {
                    loss.evaluate(p, batch, 1.0, 0.1);
                }
                double[] ms = new double[Math.max(repeats, 5) * 4];
                for (int i = 0; i < ms.length; i++) {
                    long t0 = System.nanoTime();
                    loss.evaluate(p, batch, 1.0, 0.1);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                System.out.printf(Locale.ROOT, "loss + gradient, %s networks, %d rows: %.2f ms%n",
                        gated ? "nb-pro" : "plain", rows, median(ms));
            }
        }
        RunSpec spec = RunSpec.resolve("pendulum-transfer", "nb-pro", "full", Map.of(), 0);
        PendulumAgent agent = io.github.metasweep.model.pendulum.method.NeuralBattery.nbPro().create(spec.params(), 0);
        ForcedPendulum env = new ForcedPendulum(1.0);
        InitialStates states = new InitialStates(0);
        double[] ms = new double[Math.max(repeats, 5) * 4];
        for (int i = -10; i < ms.length; i++) {
            states.resetNext(env);
            Episode e = Episode.rollout(env, agent.policyForEpisode(), 1000);
            long t0 = System.nanoTime();
            agent.learn(e, 0.0);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "one nb-pro update (1000-step batch: loss, gradient, clip, Adam): %.2f ms%n", median(ms));
    }

    static void wholeRun(String method, Map<String, String> settings, int repeats) {
        RunSpec spec = RunSpec.resolve("pendulum-transfer", method, "full", settings, 0);
        Runner.run(spec, RunListener.SILENT);
        double[] s = new double[repeats];
        String status = "";
        for (int i = 0; i < repeats; i++) {
            RunResult r = Runner.run(RunSpec.resolve("pendulum-transfer", method, "full", settings, i), RunListener.SILENT);
            s[i] = r.seconds();
            status = r.status().label();
        }
        System.out.printf(Locale.ROOT, "whole %s run %s (150 episodes x 1000 steps, 150 updates): %.2f s (last status %s)%n",
                method, settings.isEmpty() ? "" : settings.toString(), median(s), status);
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

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
