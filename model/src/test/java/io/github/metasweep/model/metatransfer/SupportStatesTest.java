package io.github.metasweep.model.metatransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metasweep.model.core.RunSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code support_states} knob came after Table 4's runs were stored: at its default it must keep their ids. */
class SupportStatesTest {
    @Test
    void atItsDefaultTheKnobIsLeftOutOfTheIdSoStoredRunsKeepTheirs() throws Exception {
        RunSpec spec = RunSpec.resolve(DoublePendulumTransfer.NAME, "linear", "full", Map.of("noise_sigma", 3.0), 4);
        assertEquals(CartPoleTasks.ROLLOUT, spec.params().getString(CartPoleTransfer.SUPPORT_STATES));
        // the id as it was computed before the knob existed: every other resolved value, name-sorted
        Map<String, Object> before = new TreeMap<>(spec.params().asMap());
        before.remove(CartPoleTransfer.SUPPORT_STATES);
        String canonical = "benchmark=double-pendulum;method=linear;variant=full;seed=4;params={"
                + before.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))
                + "}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertEquals("linear-full-s4-" + HexFormat.of().formatHex(digest, 0, 6), spec.id());
        assertFalse(spec.canonical().contains(CartPoleTransfer.SUPPORT_STATES));
        // a stored run's params lack the knob: rebuilt from them, the spec has the same id (what resume verifies)
        RunSpec stored = new RunSpec(spec.benchmark(), spec.method(), spec.variant(), spec.seed(),
                new io.github.metasweep.model.core.ParamSet(before));
        assertEquals(spec.id(), stored.id());
    }

    @Test
    void anyOtherValueNamesItsOwnRun() {
        RunSpec rollout = RunSpec.resolve(PendulumParameters.NAME, "mean", "full", Map.of(), 0);
        RunSpec independent = RunSpec.resolve(PendulumParameters.NAME, "mean", "full",
                Map.of(CartPoleTransfer.SUPPORT_STATES, CartPoleTasks.INDEPENDENT), 0);
        assertNotEquals(rollout.id(), independent.id());
        assertTrue(independent.canonical().contains("support_states=independent"), independent.canonical());
    }
}
