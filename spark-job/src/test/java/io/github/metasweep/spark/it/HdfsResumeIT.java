package io.github.metasweep.spark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metasweep.spark.cli.Main;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import io.github.metasweep.spark.store.ResultStore;
import io.github.metasweep.spark.testing.ChildJvm;
import io.github.metasweep.spark.testing.FakeBenchmark;
import io.github.metasweep.spark.testing.SpecFiles;
import io.github.metasweep.spark.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep writing to a real HDFS (MiniDFSCluster: a name node and a data node in this JVM): its
 * driver JVM is killed part-way, and the same command resumes from what is on HDFS.
 */
class HdfsResumeIT {
    @TempDir
    Path dir;

    private MiniDFSCluster dfs;

    @BeforeEach
    void startHdfs() throws Exception {
        dfs = new MiniDFSCluster.Builder(new Configuration(), dir.resolve("dfs").toFile()).numDataNodes(1).build();
        dfs.waitActive();
    }

    @AfterEach
    void stopHdfs() {
        System.clearProperty(FakeBenchmark.LOG);
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    /** The visible result files under runs/; every one must be a whole result (never a partial write). */
    private static Map<String, JsonNode> visibleWholeResults(String out) {
        Map<String, JsonNode> runs = StoredRuns.read(out);
        runs.forEach((id, run) -> assertEquals(id, run.get("id").asText(), "a visible result is whole"));
        return runs;
    }

    @Test
    void aSweepOnHdfsKilledPartWayResumesAndStoresEveryRunOnce() throws Exception {
        Path spec = SpecFiles.write(dir, "hdfs.yaml", """
                name: hdfs-resume
                benchmark: fake
                seeds: 10
                methods: [base, alpha]
                params: {sleep_ms: 400}
                baseline: [base]
                """);
        String out = dfs.getURI() + "/user/metasweep/results/hdfs-resume";
        Set<String> all = SweepExpansion.expand(SpecParser.parseFile(spec)).stream().map(PlannedRun::id)
                .collect(Collectors.toCollection(TreeSet::new));

        Process child = new ProcessBuilder(ChildJvm.command(
                List.of("-D" + FakeBenchmark.LOG + "=" + dir.resolve("first.log")), Main.class.getName(),
                "sweep", spec.toString(), "--out", out, "--master", "local[2]"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Map<String, JsonNode> seen = Map.of();
        while (seen.size() < 4 && child.isAlive() && System.nanoTime() < deadline) {
            seen = visibleWholeResults(out);
            Thread.sleep(50);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        Map<String, JsonNode> before = visibleWholeResults(out);
        assertTrue(before.size() >= 4 && before.size() < all.size(), "the first sweep stopped part-way: "
                + before.size() + " of " + all.size() + "\n" + Files.readString(dir.resolve("first.out")));

        Path log = dir.resolve("second.log");
        System.setProperty(FakeBenchmark.LOG, log.toString());
        TestSpark.Result r = TestSpark.main(Integration.sessions(Map.of(), s -> { }), "sweep", spec.toString(),
                "--out", out, "--master", "local[2]");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("output of hdfs-resume: " + out), r.out());
        assertTrue(r.out().contains("resume: " + before.size() + " of " + all.size() + " runs are stored already"),
                r.out());

        Set<String> missing = new HashSet<>(all);
        missing.removeAll(before.keySet());
        List<String> computed = Files.readAllLines(log);
        assertEquals(missing.size(), computed.size(), "each missing run was computed once: " + computed);
        assertEquals(missing, new HashSet<>(computed), "only the missing runs were computed");

        Map<String, JsonNode> after = visibleWholeResults(out);
        assertEquals(all, after.keySet());
        before.forEach((id, run) -> assertEquals(run, after.get(id), "stored results are left as they were"));
        FileSystem fs = dfs.getFileSystem();
        FileStatus[] files = fs.listStatus(new org.apache.hadoop.fs.Path(out, ResultStore.RUNS));
        assertEquals(all.size(), files.length, "no temporary files are left");

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            assertEquals(all.size(), spark.read().parquet(out + "/" + ResultStore.RUNS_PARQUET).count(),
                    "the tables were built from every run, on HDFS");
        } finally {
            spark.stop();
        }
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out, "tables/summary.csv")));
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out, ResultStore.REPORT)));
    }

    /** Every file under {@code root} with its length and modification time. */
    private static Map<String, String> snapshot(FileSystem fs, String root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(root), true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            m.put(f.getPath().toString(), f.getLen() + "@" + f.getModificationTime());
        }
        return m;
    }

    @Test
    void anOutputThisUserCannotWriteIsRefusedBeforeAnyRunAndLeftAlone() throws Exception {
        Path spec = SpecFiles.write(dir, "owned.yaml", """
                name: owned
                benchmark: fake
                seeds: 2
                methods: [base, alpha]
                """);
        String out = dfs.getURI() + "/user/owner/results/owned";
        TestSpark.Result first = TestSpark.main(Integration.sessions(Map.of(), s -> { }), "sweep", spec.toString(),
                "--out", out, "--master", "local[1]");
        assertEquals(0, first.code(), first.out() + first.err());
        FileSystem fs = dfs.getFileSystem();
        String oneRun = StoredRuns.read(out).keySet().iterator().next();
        assertTrue(fs.delete(new org.apache.hadoop.fs.Path(out, ResultStore.RUNS + "/" + oneRun + ".json"), false),
                "one run is missing, so a sweep would have work to do");
        Map<String, String> before = snapshot(fs, out);

        TestSpark.Result r = UserGroupInformation.createRemoteUser("guest").doAs(
                (java.security.PrivilegedExceptionAction<TestSpark.Result>) () -> TestSpark.main(TestSpark.FORBIDDEN,
                        "sweep", spec.toString(), "--out", out, "--master", "local[1]"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("output " + out + " cannot be written (") && r.err().contains("Permission denied")
                && r.err().contains("choose another --out"), r.err());
        assertEquals(before, snapshot(fs, out), "nothing of the old output was touched");
    }

    /** The output lease on HDFS: created atomically there, a second sweep is refused naming the holder. */
    @Test
    void aSecondSweepOnALeasedHdfsOutputIsRefused() throws Exception {
        Path spec = SpecFiles.write(dir, "leased.yaml", """
                name: leased
                benchmark: fake
                seeds: 2
                methods: [base]
                """);
        String out = dfs.getURI() + "/user/metasweep/results/leased";
        ResultStore store = ResultStore.open(out, new org.apache.hadoop.conf.Configuration());
        store.checkWritable();
        try (io.github.metasweep.spark.store.OutputLease lease = io.github.metasweep.spark.store.OutputLease.acquire(store)) {
            assertTrue(dfs.getFileSystem().exists(new org.apache.hadoop.fs.Path(out, ".metasweep-lease")));
            TestSpark.Result r = TestSpark.main(TestSpark.FORBIDDEN, "sweep", spec.toString(), "--out", out);
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("is in use by another sweep (host "), r.err());
        }
        TestSpark.Result r = TestSpark.main(Integration.sessions(Map.of(), s -> { }), "sweep", spec.toString(), "--out",
                out, "--master", "local[1]");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(2, StoredRuns.read(out).size());
    }
}
