package io.github.metasweep.model.pendulum;

import io.github.metasweep.model.core.Curve;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunSpec;
import io.github.metasweep.model.core.Runner;
import io.github.metasweep.model.core.Trace;
import java.util.HashMap;
import java.util.Map;

/** Short runs for tests: a few episodes of a few hundred steps unless a test asks for more. */
public final class Runs {
    private Runs() {
    }

    public static Map<String, Object> shortened(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("pretrain_episodes", 3);
        m.put("transfer_episodes", 4);
        m.put("steps", 300);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public static RunSpec spec(String method, String variant, long seed, Map<String, Object> settings) {
        return RunSpec.resolve(PendulumTransfer.NAME, method, variant, settings, seed);
    }

    public static RunResult run(String method, String variant, long seed, Map<String, Object> settings) {
        return Runner.run(spec(method, variant, seed, settings), RunListener.SILENT);
    }

    /** The returns of the pretrain episodes, from the returns curve's first phase. */
    public static double[] pretrain(RunResult r) {
        return phase(r, "pretrain");
    }

    public static double[] transfer(RunResult r) {
        return phase(r, "transfer");
    }

    private static double[] phase(RunResult r, String name) {
        Curve c = r.curves().get(PendulumTransfer.RETURNS_CURVE);
        Curve.Phase p = c.phases().stream().filter(ph -> ph.name().equals(name)).findFirst().orElseThrow();
        return java.util.Arrays.copyOfRange(c.y(), p.from(), p.to());
    }

    /** The values of gate series {@code name} (e.g. "layer 1 k-target") after every episode; null without it. */
    public static double[] gateSeries(RunResult r, String name) {
        Trace t = r.traces().get(PendulumTransfer.GATES_TRACE);
        if (t == null) {
            return null;
        }
        return t.series().stream().filter(s -> s.name().equals(name)).map(Trace.Series::y).findFirst().orElse(null);
    }
}
