package io.github.metasweep.model.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.GaussianStream;
import org.junit.jupiter.api.Test;

/** A batch pass against the one-point passes (themselves pinned to finite differences by the families' tests). */
class DenseNetBatchTest {
    @Test
    void aBatchPassGivesThePointPassesOutputsAndGradients() {
        int[] sizes = {3, 40, 17, 5};
        DenseNet point = new DenseNet(sizes);
        DenseNet batch = DenseNet.batched(sizes);
        double[] p = new double[point.size()];
        point.init(new GaussianStream(1), p, 0);
        int n = 13;
        GaussianStream r = new GaussianStream(2);
        double[] x = new double[n * 3];
        double[] dOut = new double[n * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.uniform(-2, 2);
        }
        for (int i = 0; i < dOut.length; i++) {
            dOut[i] = r.uniform(-1, 1);
        }
        DenseNet.Pass pass = point.newPass();
        DenseNet.BatchPass batchPass = batch.newBatchPass(n + 3);
        point.load(p, 0);
        batch.load(p, 0);
        double[] out = batch.forward(x, n, batchPass).clone();
        double[] dIn = new double[n * 3];
        batch.backward(batchPass, n, dOut, dIn);
        double[] gBatch = new double[p.length];
        batch.flushGradient(gBatch, 0);
        double[] gPoint = new double[p.length];
        int zeros = 0;
        for (int row = 0; row < n; row++) {
            double[] o = point.forward(java.util.Arrays.copyOfRange(x, 3 * row, 3 * row + 3), null, pass);
            for (int j = 0; j < 5; j++) {
                assertEquals(o[j], out[row * 5 + j], 1e-12, "output " + row + "," + j);
            }
            double[] di = new double[3];
            point.backward(pass, java.util.Arrays.copyOfRange(dOut, 5 * row, 5 * row + 5), null, true, di, null);
            for (int j = 0; j < 3; j++) {
                assertEquals(di[j], dIn[row * 3 + j], 1e-12, "input gradient " + row + "," + j);
            }
        }
        point.flushGradient(gPoint, 0);
        for (int i = 0; i < p.length; i++) {
            assertEquals(gPoint[i], gBatch[i], 1e-12, "parameter " + i);
            zeros += gBatch[i] == 0 ? 1 : 0;
        }
        assertTrue(zeros < p.length / 2, "a gradient worth comparing");
        // a flush clears what it added
        double[] again = new double[p.length];
        batch.flushGradient(again, 0);
        assertEquals(0.0, java.util.Arrays.stream(again).map(Math::abs).sum(), 0.0);
    }

    @Test
    void eachNetworkHasOneKindOfPass() {
        assertThrows(IllegalStateException.class, () -> DenseNet.batched(2, 3).newPass());
        assertThrows(IllegalStateException.class, () -> new DenseNet(2, 3).newBatchPass(4));
    }
}
