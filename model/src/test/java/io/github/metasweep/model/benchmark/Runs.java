package io.github.metasweep.model.benchmark;

import io.github.metasweep.model.run.RunListener;
import io.github.metasweep.model.run.RunResult;
import io.github.metasweep.model.run.RunSpec;
import io.github.metasweep.model.run.Runner;
import java.util.HashMap;
import java.util.Map;

/** Short runs for tests: a few episodes of a few hundred steps unless a test asks for more. */
final class Runs {
    private Runs() {
    }

    static Map<String, Object> shortened(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("pretrain_episodes", 3);
        m.put("transfer_episodes", 4);
        m.put("steps", 300);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static RunSpec spec(String method, String variant, long seed, Map<String, Object> settings) {
        return RunSpec.resolve(PendulumTransfer.NAME, method, variant, settings, seed);
    }

    static RunResult run(String method, String variant, long seed, Map<String, Object> settings) {
        return Runner.run(spec(method, variant, seed, settings), RunListener.SILENT);
    }
}
