package io.github.metasweep.spark.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResult;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.Runner;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real benchmark through Spark and Kryo: every stored result is what the model's Runner gives on its own. */
class PendulumSweepTest {
    @TempDir
    Path dir;

    @Test
    void executorsComputeExactlyWhatTheRunnerComputes() throws Exception {
        Path spec = SpecFiles.write(dir, "p.yaml", """
                name: pendulum-mini
                benchmark: pendulum-transfer
                seeds: 2
                methods: [nb-pro, finetune, zero]
                variants: {nb-pro: [full, no-k-target]}
                params: {steps: 40, pretrain_episodes: 2, transfer_episodes: 3}
                baseline: [finetune]
                """);
        Path out = dir.resolve("out");
        TestSpark.Result r = TestSpark.main(TestSpark.SHARED, "sweep", spec.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<PlannedRun> runs = SweepExpansion.expand(SpecParser.parseFile(spec));
        assertEquals(runs.size(), SpecFiles.runFiles(out).size());
        for (PlannedRun p : runs) {
            RunResult stored = RunResultJson.read(Files.readString(out.resolve("runs").resolve(p.id() + ".json")));
            RunResult here = Runner.run(p.spec(), RunListener.SILENT);
            assertEquals(here.status(), stored.status());
            assertEquals(here.metrics(), stored.metrics(), p.id());
            assertArrayEquals(here.curves().get("returns").y(), stored.curves().get("returns").y(), p.id());
            assertEquals(here.params(), stored.params());
            assertEquals("1", stored.provenance().ompNumThreads());
        }
    }
}
