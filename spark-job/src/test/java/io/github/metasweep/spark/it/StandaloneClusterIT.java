package io.github.metasweep.spark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metasweep.model.core.RunListener;
import io.github.metasweep.model.core.RunResultJson;
import io.github.metasweep.model.core.Runner;
import io.github.metasweep.spark.spec.PlannedRun;
import io.github.metasweep.spark.spec.SpecParser;
import io.github.metasweep.spark.spec.SweepExpansion;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path to a cluster, end to end: {@code scripts/cluster.sh start} (a standalone master and
 * two workers on loopback, separate JVMs), {@code scripts/submit.sh --master spark://127.0.0.1:PORT
 * sweeps/smoke-pendulum.yaml} through real spark-submit with the application jar, {@code scripts/cluster.sh stop}.
 */
class StandaloneClusterIT {
    @TempDir
    Path dir;

    private Map<String, String> env;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private record Finished(int code, String output) {
    }

    private Finished script(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Integration.repo().resolve("scripts").resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Integration.repo().toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("SPARK_HOME"); // as on a fresh machine: the scripts make their own Spark home
        Path log = dir.resolve(name + "-" + System.nanoTime() + ".out");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 10 minutes:\n" + Files.readString(log));
        }
        return new Finished(p.exitValue(), Files.readString(log));
    }

    @AfterEach
    void stopCluster() throws Exception {
        if (env != null) {
            script("cluster.sh", "stop");
        }
    }

    @Test
    void theSmokeSweepRunsThroughSparkSubmitOnAStandaloneCluster() throws Exception {
        int port = freePort();
        env = Map.of("SPARK_MASTER_PORT", String.valueOf(port), "SPARK_MASTER_WEBUI_PORT", String.valueOf(freePort()),
                "METASWEEP_CLUSTER_DIR", dir.resolve("cluster").toString());
        String master = "spark://127.0.0.1:" + port;
        Finished start = script("cluster.sh", "start");
        assertEquals(0, start.code(), start.output());
        assertTrue(start.output().contains("master " + master), start.output());
        Finished status = script("cluster.sh", "status");
        assertEquals(0, status.code(), status.output());
        assertTrue(status.output().contains("worker-2: running"), status.output());

        Path out = dir.resolve("out");
        Finished submit = script("submit.sh", "--master", master, "sweeps/smoke-pendulum.yaml", "--out", out.toString());
        assertEquals(0, submit.code(), submit.output());
        assertTrue(submit.output().contains("done: 100 runs") && submit.output().contains("0 failed"), submit.output());

        Path smoke = Integration.repo().resolve("sweeps").resolve("smoke-pendulum.yaml");
        List<PlannedRun> planned = SweepExpansion.expand(SpecParser.parseFile(smoke));
        Map<String, JsonNode> stored = StoredRuns.read(out.toString());
        assertEquals(planned.stream().map(PlannedRun::id).collect(Collectors.toSet()), stored.keySet());
        String spec = Files.readString(out.resolve("spec.yaml"));
        assertTrue(spec.contains("master: '" + master + "'"), spec);
        assertTrue(Files.exists(out.resolve("REPORT.md")) && Files.exists(out.resolve("tables").resolve("summary.csv")));
        try (var executors = Files.list(dir.resolve("cluster"))) {
            Set<String> names = executors.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("master.log", "worker-1.log", "worker-2.log")), names.toString());
        }

        ObjectMapper json = new ObjectMapper();
        for (PlannedRun r : List.of(planned.get(0), planned.get(planned.size() / 2), planned.get(planned.size() - 1))) {
            ObjectNode here = (ObjectNode) json.readTree(RunResultJson.write(Runner.run(r.spec(), RunListener.SILENT)));
            here.remove("seconds");
            assertEquals(here, stored.get(r.id()), "run " + r.id() + " on the cluster equals the same run in this JVM");
        }

        Finished stop = script("cluster.sh", "stop");
        assertEquals(0, stop.code(), stop.output());
        Finished after = script("cluster.sh", "status");
        assertEquals(3, after.code(), after.output());
        env = null;
    }
}
