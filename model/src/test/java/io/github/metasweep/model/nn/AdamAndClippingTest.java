package io.github.metasweep.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamAndClippingTest {

    /**
     * Two steps by hand from torch.optim.Adam's update and clip_grad_norm_: weights lr 1e-3, a gate
     * lr 5e-3; step 1 gradient (3, -4, 12) has norm 13 and is scaled by 1/(13 + 1e-6); step 2
     * gradient (0.3, 0.4, 0) has norm 0.5 and is left alone.
     */
    @Test
    void twoStepsWithTwoLearningRateGroupsAndClipping() {
        ParameterLayout layout = ParameterLayout.builder()
                .add("w", 1, 2, ParameterGroup.WEIGHT)
                .add("k", 1, 1, ParameterGroup.GATE)
                .build();
        Adam adam = Adam.forGroups(layout, 1e-3, 5e-3);
        double[] p = {0.5, -0.25, 0.25};

        double[] g1 = {3.0, -4.0, 12.0};
        assertEquals(13.0, GradientClipping.clipGlobalNorm(g1, 1.0), 1e-12);
        assertArrayEquals(new double[] {3 / (13 + 1e-6), -4 / (13 + 1e-6), 12 / (13 + 1e-6)}, g1, 1e-15);
        adam.step(p, g1);
        assertArrayEquals(new double[] {0.49900000004333334, -0.2490000000325, 0.24500000005416667}, p, 1e-15);

        double[] g2 = {0.3, 0.4, 0.0};
        assertEquals(0.5, GradientClipping.clipGlobalNorm(g2, 1.0), 1e-12);
        assertArrayEquals(new double[] {0.3, 0.4, 0.0}, g2, 0.0);
        adam.step(p, g2);
        assertArrayEquals(new double[] {0.49800165639700816, -0.24918151709792855, 0.24164970883482545}, p, 1e-15);
        assertEquals(2, adam.steps());
    }

    @Test
    void groupsOfANetworkLayoutPutEveryKParameterInTheGateGroup() {
        ParameterLayout layout = new NetworkShape(64, true, true, 16, 0.3).layout();
        ParameterGroup[] groups = layout.groupOfEach();
        for (Segment s : layout.segments()) {
            ParameterGroup expected = s.name().startsWith("k.") ? ParameterGroup.GATE : ParameterGroup.WEIGHT;
            for (int i = s.offset(); i < s.end(); i++) {
                assertEquals(expected, groups[i], s.name());
            }
        }
        assertEquals(2 + 8 + 2, layout.get("k.layer").size() + layout.get("k.block").size() + layout.get("k.target").size());
    }
}
