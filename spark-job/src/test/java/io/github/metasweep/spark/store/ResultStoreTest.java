package io.github.metasweep.spark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aResultIsStoredOnceAndNeverReplaced() throws Exception {
        for (String out : List.of(dir.resolve("plain").toString(), dir.resolve("uri").toUri().toString())) {
            ResultStore store = ResultStore.open(out, new Configuration());
            assertTrue(store.writeResult("run-a", "{\"first\":1}"));
            assertFalse(store.writeResult("run-a", "{\"second\":2}"));
            assertEquals("{\"first\":1}", SealedResult.open(store.readResult("run-a")), "stored sealed, opens whole");
            assertEquals(Set.of("run-a"), store.resultIds());
        }
        assertEquals(List.of("run-a.json"), names(dir.resolve("plain").resolve("runs")), "no temporary file is left");
    }

    @Test
    void aSealedResultOpensOnlyWhenWholeAndUnedited() {
        String sealed = SealedResult.seal("{\"id\":\"a\",\"x\":1.5}");
        assertEquals("{\"id\":\"a\",\"x\":1.5}", SealedResult.open(sealed));
        assertEquals(SealedResult.sha256("{\"id\":\"a\",\"x\":1.5}"),
                sealed.substring(sealed.indexOf("sha256\":\"") + 9, sealed.length() - 2), "the checksum of the body");
        for (String bad : List.of("", sealed.substring(0, 20), sealed.replace("1.5", "1.6"), "{\"id\":\"a\"}")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SealedResult.open(bad),
                    bad);
        }
    }

    @Test
    void racingAttemptsOfOneRunLeaveExactlyOneFile() throws Exception {
        ResultStore store = ResultStore.open(dir.toString(), new Configuration());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "run-" + round;
                List<Callable<Boolean>> attempts = new java.util.ArrayList<>();
                for (int a = 0; a < 8; a++) {
                    String body = "{\"attempt\":" + a + "}";
                    attempts.add(() -> store.writeResult(id, body));
                }
                long stored = 0;
                for (Future<Boolean> f : pool.invokeAll(attempts)) {
                    stored += f.get() ? 1 : 0;
                }
                assertEquals(1, stored, "exactly one attempt stores " + id);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20, names(dir.resolve("runs")).size());
        assertEquals(20, store.resultIds().size());
    }

    @Test
    void freshDeletesOnlyWhatASweepWrites() throws Exception {
        ResultStore store = ResultStore.open(dir.toString(), new Configuration());
        store.writeResult("r", "{}");
        store.writeSpec("spec");
        store.writeText("tables/summary.csv", "a\n");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals(List.of("runs", "tables", "spec.yaml"), store.sweepEntries());
        store.deleteSweepEntries();
        assertEquals(List.of("notes.txt"), names(dir));
    }
}
