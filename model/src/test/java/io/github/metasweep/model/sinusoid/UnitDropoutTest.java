package io.github.metasweep.model.sinusoid;

import io.github.metasweep.model.core.nn.Mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import org.junit.jupiter.api.Test;

/** Disabled units are cut off from the network, nested across fractions, and the same for every method of a seed. */
class UnitDropoutTest {
    private static final int H = 20;

    @Test
    void aDisabledUnitLosesEveryParameterIntoAndOutOfIt() {
        Mlp net = new Mlp(1, 0, H, 10);
        UnitDropout d = new UnitDropout(net, 7);
        d.nextTask();
        double[] keep = d.keep(0.3);
        int dropped = UnitDropout.dropped(0.3, H); // 6 per layer
        assertEquals(6, dropped);
        // per dropped unit of layer 1: d inputs, 1 bias, H outputs; of layer 2: H inputs, 1 bias, 1 output; the
        // weights between two dropped units are counted twice
        int expected = dropped * (1 + 1 + H) + dropped * (H + 1 + 1) - dropped * dropped;
        int zeros = 0;
        for (double k : keep) {
            zeros += k == 0 ? 1 : 0;
        }
        assertEquals(expected, zeros);
        // with the kept parameters fixed, the prediction ignores whatever the dropped ones would hold
        double[] theta = net.init(GaussianStream.forRun(1, "init"));
        double[] masked = theta.clone();
        double[] other = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            masked[i] *= keep[i];
            other[i] = keep[i] == 0 ? 0 : theta[i];
        }
        double[] x = {-4, -1, 0.5, 3};
        double[] a = new double[4];
        double[] b = new double[4];
        net.predict(masked, x, 4, a);
        net.predict(other, x, 4, b);
        assertArrayEquals(a, b, 0.0);
        // the support gradient into a dropped unit's outgoing weights is 0, so masked rates keep it cut off
        double[] grad = new double[theta.length];
        net.lossAndGradient(masked, x, new double[] {1, 2, 3, 4}, 4, grad);
        for (int n = 0; n < theta.length; n++) {
            if (keep[n] == 0 && n >= net.oW2 && n < net.oB2 && isOutOfLayer1Drop(net, keep, n)) {
                assertEquals(0.0, grad[n], 0.0, "entry " + n);
            }
        }
    }

    /** Whether entry n of W2 leaves a unit of layer 1 whose bias was dropped. */
    private static boolean isOutOfLayer1Drop(Mlp net, double[] keep, int n) {
        int from = (n - net.oW2) / net.h;
        return keep[net.oB1 + from] == 0;
    }

    @Test
    void aLargerFractionDisablesASupersetAndOrdersDependOnlyOnTheSeed() {
        Mlp net = new Mlp(1, 0, H, 10);
        Mlp oracleNet = new Mlp(3, 0, H, 10); // another method's input: the same units
        UnitDropout a = new UnitDropout(net, 11);
        UnitDropout b = new UnitDropout(oracleNet, 11);
        UnitDropout c = new UnitDropout(net, 12);
        boolean differs = false;
        for (int task = 0; task < 5; task++) {
            a.nextTask();
            b.nextTask();
            c.nextTask();
            double[] small = a.keep(0.1);
            double[] large = a.keep(0.5);
            for (int i = 0; i < small.length; i++) {
                assertTrue(small[i] >= large[i], "a unit dropped at 10% stays dropped at 50%");
            }
            double[] ka = a.keep(0.3);
            double[] kb = b.keep(0.3);
            for (int j = 0; j < H; j++) {
                assertEquals(ka[net.oB1 + j], kb[oracleNet.oB1 + j], "layer 1 unit " + j);
                assertEquals(ka[net.oB2 + j], kb[oracleNet.oB2 + j], "layer 2 unit " + j);
            }
            differs |= !java.util.Arrays.equals(ka, c.keep(0.3));
        }
        assertTrue(differs, "another seed disables other units");
        assertFalse(java.util.Arrays.stream(a.keep(0.0)).anyMatch(k -> k == 0), "fraction 0 keeps everything");
    }
}
