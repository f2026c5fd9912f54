package io.github.metasweep.model.pendulum.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParameterLayoutTest {
    @Test
    void everyKParameterIsInTheGateGroupAndGetsTheGateLearningRate() {
        ParameterLayout layout = new NetworkShape(64, true, true, 16, 0.3).layout();
        ParameterGroup[] groups = layout.groupOfEach();
        double[] lrs = layout.learningRates(1e-3, 5e-3);
        for (Segment s : layout.segments()) {
            boolean gate = s.name().startsWith("k.");
            for (int i = s.offset(); i < s.end(); i++) {
                assertEquals(gate ? ParameterGroup.GATE : ParameterGroup.WEIGHT, groups[i], s.name());
                assertEquals(gate ? 5e-3 : 1e-3, lrs[i], 0.0, s.name());
            }
        }
        assertEquals(2 + 8 + 2, layout.get("k.layer").size() + layout.get("k.block").size() + layout.get("k.target").size());
    }
}
