package io.github.metasweep.model.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.metasweep.model.run.GateReading;
import io.github.metasweep.model.run.ParamSet;
import io.github.metasweep.model.run.RunResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each ablation of protocol section 5 changes what it says and nothing else. */
class AblationSwitchTest {

    private static Map<String, Object> difference(ParamSet a, ParamSet b) {
        Map<String, Object> diff = new HashMap<>();
        a.asMap().forEach((k, v) -> {
            if (!v.equals(b.asMap().get(k))) {
                diff.put(k, b.asMap().get(k));
            }
        });
        assertEquals(a.asMap().keySet(), b.asMap().keySet());
        return diff;
    }

    @Test
    void eachVariantFixesExactlyOneSwitch() {
        ParamSet full = Runs.spec("nb-pro", "full", 0, Map.of()).params();
        assertEquals(Map.of("k_target_weight", 0.0), difference(full, Runs.spec("nb-pro", "no-k-target", 0, Map.of()).params()));
        assertEquals(Map.of("grad_clip", false), difference(full, Runs.spec("nb-pro", "no-grad-clip", 0, Map.of()).params()));
        assertEquals(Map.of("blocks", false), difference(full, Runs.spec("nb-pro", "no-hierarchical", 0, Map.of()).params()));
        assertEquals(Map.of("blocks", false), difference(full, Runs.spec("nb", "full", 0, Map.of()).params()));
    }

    @Test
    void noHierarchicalIsBitIdenticalToNb() {
        RunResult nb = Runs.run("nb", "full", 4, Runs.shortened());
        RunResult noBlocks = Runs.run("nb-pro", "no-hierarchical", 4, Runs.shortened());
        assertArrayEquals(nb.pretrainReturns(), noBlocks.pretrainReturns(), 0.0);
        assertArrayEquals(nb.transferReturns(), noBlocks.transferReturns(), 0.0);
        for (GateReading g : noBlocks.kTrace()) {
            assertEquals(0, g.blockMean().length, "no block gates without blocks");
        }
    }

    @Test
    void noKTargetLeavesTheTargetsUntrainedAndChangesTheRun() {
        RunResult full = Runs.run("nb-pro", "full", 5, Runs.shortened());
        RunResult noTarget = Runs.run("nb-pro", "no-k-target", 5, Runs.shortened());
        for (GateReading g : noTarget.kTrace()) {
            assertArrayEquals(new double[] {0.3f, 0.3f}, g.target(), 1e-7, "targets stay at their initial value");
        }
        GateReading last = full.kTrace().get(full.kTrace().size() - 1);
        assertNotEquals(0.3f, last.target()[0], 1e-6, "with the term, the targets train");
        assertEquals(full.pretrainReturns()[0], noTarget.pretrainReturns()[0], 0.0, "same initial policy");
        assertFalse(java.util.Arrays.equals(full.transferReturns(), noTarget.transferReturns()));
    }

    @Test
    void noGradClipChangesOnlyTheClipping() {
        // With a limit so large it never binds, clipping on and off must give the same run.
        RunResult loose = Runs.run("nb-pro", "full", 6, Runs.shortened("max_grad_norm", 1e12));
        RunResult off = Runs.run("nb-pro", "no-grad-clip", 6, Runs.shortened("max_grad_norm", 1e12));
        assertArrayEquals(loose.transferReturns(), off.transferReturns(), 0.0);
        RunResult clipped = Runs.run("nb-pro", "full", 6, Runs.shortened());
        assertFalse(java.util.Arrays.equals(clipped.transferReturns(), off.transferReturns()), "the default clip binds");
    }

    @Test
    void variantsOfEachMethodAreTheDocumentedOnes() {
        PendulumTransfer b = new PendulumTransfer();
        assertEquals(java.util.List.of("full", "no-k-target", "no-grad-clip", "no-hierarchical"), b.variants("nb-pro"));
        assertEquals(java.util.List.of("full", "no-k-target", "no-grad-clip"), b.variants("nb"));
        assertEquals(Set.of("maml", "fomaml", "nb", "nb-pro", "finetune", "zero", "frozen-init", "expert"),
                Set.copyOf(b.methods()));
    }
}
