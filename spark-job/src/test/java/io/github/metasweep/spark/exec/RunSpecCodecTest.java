package io.github.metasweep.spark.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metasweep.model.core.Benchmark;
import io.github.metasweep.model.core.Benchmarks;
import io.github.metasweep.model.core.RunSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSpecCodecTest {
    @Test
    void everyMethodAndVariantSurvivesTheWire() {
        for (Benchmark b : Benchmarks.all().values()) {
            for (String m : b.methods()) {
                for (String v : b.variants(m)) {
                    RunSpec spec = RunSpec.resolve(b.name(), m, v, Map.of(), 42);
                    RunSpec back = RunSpecCodec.decode(RunSpecCodec.encode(spec));
                    assertEquals(spec, back);
                    assertEquals(spec.id(), back.id());
                }
            }
        }
    }

    @Test
    void aSpecThatResolvesToAnotherIdIsRefused() {
        String text = RunSpecCodec.encode(RunSpec.resolve("pendulum-transfer", "nb", "full", Map.of(), 1));
        String tampered = text.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"nb-full-s1-000000000000\"");
        assertThrows(IllegalStateException.class, () -> RunSpecCodec.decode(tampered));
    }

    @Test
    void maxAttemptsFollowTheMaster() {
        assertEquals(2, MaxAttempts.of("local[2,2]", 4));
        assertEquals(3, MaxAttempts.of("local[*, 3]", 4));
        assertEquals(1, MaxAttempts.of("local[2]", 4));
        assertEquals(1, MaxAttempts.of("local", 4));
        assertEquals(4, MaxAttempts.of("spark://host:7077", 4));
        assertEquals(8, MaxAttempts.of("yarn", 8));
    }
}
