package io.github.metasweep.spark.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tuned method's selection phase as a sweep of its own: draws from a seed that reads back, and its own name. */
class TuningTest {
    @Test
    void everySelectionPhaseDrawsFromANonNegativeSeedOfItsOwn() {
        // "nb-pro".hashCode() and "fomaml".hashCode() are negative: the seed once came out negative, which the
        // parser of the recorded spec.yaml rightly refuses
        assertTrue("nb-pro".hashCode() < 0 && "fomaml".hashCode() < 0);
        TuningSpace space = new TuningSpace(Map.of(), Map.of("lr", new Distribution.Interval(true, 1e-4, 1e-2)));
        Map<String, TuningSpace> spaces = Map.of("nb-pro", space, "fomaml", space, "maml", space);
        Tuning tuning = new Tuning(List.of(100L, 101L), "best_return", Tuning.Statistic.MEAN,
                Map.of("nb-pro", 4, "fomaml", 4, "maml", 4), 13, spaces);
        SweepSpec parent = new SweepSpec("p", null, "fake", List.of(0L), List.of("nb-pro", "fomaml", "maml"),
                Map.of("nb-pro", List.of("full"), "fomaml", List.of("full"), "maml", List.of("full")), Map.of(),
                Map.of(), RandomSearch.NONE, List.of(), SweepSpec.DEFAULT_MAX_RUNS, tuning, null, Map.of());
        for (String m : List.of("nb-pro", "fomaml", "maml")) {
            SweepSpec selection = tuning.selectionSpec(parent, m);
            assertTrue(selection.random().seed() >= 0, m + ": " + selection.random().seed());
            assertEquals(4, selection.random().n());
            assertEquals(List.of(100L, 101L), selection.seeds());
            assertEquals("p-tuning-" + m, selection.name());
        }
        assertNotEquals(tuning.selectionSpec(parent, "nb-pro").random().draws(),
                tuning.selectionSpec(parent, "fomaml").random().draws(), "each method draws its own configurations");
    }
}
