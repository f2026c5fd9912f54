package io.github.metasweep.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunOneCommandTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new RunOneCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--method nope                                | --method: unknown method 'nope'",
        "--method nb --variant no-hierarchical        | --variant: unknown variant 'no-hierarchical' of method nb",
        "--method nb-pro --set nonsense=1             | --set nonsense: unknown hyper-parameter for method nb-pro",
        "--method nb-pro --set hidden=abc             | --set hidden: 'abc' is not accepted; expected an integer",
        "--method nb-pro --set transfer_episodes=0    | --set transfer_episodes: '0' is not accepted; expected an integer from 1",
        "--method nb-pro --set lr=0                   | --set lr: '0' is not accepted; expected a number > 0",
        "--method nb-pro --set lr=-1e-3               | --set lr: '-1e-3' is not accepted",
        "--method nb-pro --set k_lr=NaN               | --set k_lr: 'NaN' is not accepted",
        "--method nb-pro --set target=teacher         | --set target: 'teacher' is not accepted; expected one of self, expert",
        "--method nb-pro --set grad_clip=yes          | --set grad_clip: 'yes' is not accepted; expected true or false",
        "--method nb-pro --variant no-grad-clip --set grad_clip=true | --set grad_clip: is fixed to false by variant no-grad-clip",
        "--method nb-pro --seed -1                    | --seed: -1 is not accepted; expected an integer >= 0",
        "--method nb-pro --seed x                     | --seed: 'x' is not accepted",
        "--method nb-pro --set lr                     | --set: 'lr' is not accepted; expected key=value",
        "--method nb-pro --frobnicate                 | unknown option '--frobnicate'",
        "--method                                     | --method: a value is missing",
        "--seed 3                                     | --method: missing; accepted: maml",
        "--method maml --set inner_steps=-2           | --set inner_steps: '-2' is not accepted",
        "--method maml --set split=random             | --set split: 'random' is not accepted; expected one of even-odd, odd-even, halves",
    })
    void badInputIsOneClearLineAndExitCodeTwo(String args, String expected) {
        Outcome o = execute(args.trim().split("\\s+"));
        assertEquals(2, o.code(), o.err());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "one line: " + o.err());
        assertTrue(lines.get(0).startsWith("run-one: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected.trim()), lines.get(0));
        assertFalse(o.err().contains("Exception"), "no stack trace");
        assertEquals("", o.out());
    }

    @Test
    void aMissingOutputFolderIsBadInputAndWritesNothing() {
        Path target = dir.resolve("missing/result.json");
        Outcome o = execute("--method", "zero", "--out", target.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--out: folder"), o.err());
        assertFalse(Files.exists(target));
    }

    /** The output is checked before the run: no run is computed only to fail at the end, no temporary is left. */
    @Test
    void aBadOutputIsRefusedBeforeTheRunAndLeavesNothingBehind() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("adir"));
        Outcome asFolder = execute("--method", "zero", "--out", folder.toString());
        assertEquals(2, asFolder.code());
        assertTrue(asFolder.err().contains("is a folder"), asFolder.err());
        assertFalse(asFolder.err().contains("episode"), "refused before any episode ran: " + asFolder.err());
        Outcome empty = execute("--method", "zero", "--out", "");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("--out: an empty path"), empty.err());
        Outcome twice = execute("--method", "zero", "--seed", "1", "--seed", "2");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("--seed: given twice"), twice.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aRunWritesTheDocumentedJsonAndASummaryLine() throws Exception {
        Path target = dir.resolve("result.json");
        Outcome o = execute("--method", "nb-pro", "--seed", "0", "--out", target.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode r = new ObjectMapper().readTree(Files.readString(target));
        for (String key : List.of("id", "status", "benchmark", "method", "variant", "seed", "params", "metrics",
                "curves", "traces", "seconds", "provenance")) {
            assertTrue(r.has(key), key);
        }
        assertEquals("ok", r.get("status").asText());
        assertEquals(List.of("best_return", "avg10_return"), fieldNames(r.get("metrics")));
        JsonNode returns = r.get("curves").get("returns");
        assertEquals(150, returns.get("y").size());
        JsonNode phases = returns.get("phases");
        assertEquals("pretrain", phases.get(0).get("name").asText());
        assertEquals(0, phases.get(0).get("from").asInt());
        assertEquals(50, phases.get(0).get("to").asInt());
        assertEquals("transfer", phases.get(1).get("name").asText());
        assertEquals(150, phases.get(1).get("to").asInt());
        JsonNode gates = r.get("traces").get("gates").get("series");
        assertEquals(6, gates.size(), "per layer: sigmoid(k), mean block gate, k-target");
        assertEquals(150, gates.get(0).get("y").size());
        assertEquals(19, r.get("params").size(), "every hyper-parameter, resolved: " + r.get("params"));
        for (String key : List.of("project_version", "git_commit", "java_version", "nd4j_version", "omp_num_threads")) {
            assertTrue(r.get("provenance").has(key), key);
        }
        double best = Double.NEGATIVE_INFINITY;
        double last10 = 0;
        for (int i = 50; i < 150; i++) {
            best = Math.max(best, returns.get("y").get(i).asDouble());
            last10 += i >= 140 ? returns.get("y").get(i).asDouble() / 10 : 0;
        }
        assertEquals(best, r.get("metrics").get("best_return").asDouble(), 0.0);
        assertEquals(last10, r.get("metrics").get("avg10_return").asDouble(), 1e-9);
        List<String> err = o.err().lines().toList();
        assertTrue(err.get(err.size() - 1).matches("nb-pro-full-s0-[0-9a-f]{12} ok best_return=-?[0-9.]+ avg10_return=.*"),
                err.toString());
        assertTrue(err.size() >= 2, "a progress line and the summary");
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void helpListsEveryMethodAndExitsZero() {
        Outcome o = execute("--help");
        assertEquals(0, o.code());
        for (String m : List.of("maml", "fomaml", "nb", "nb-pro", "finetune", "zero", "frozen-init", "expert", "k_lr", "inner_steps",
                "best_return", "higher is better")) {
            assertTrue(o.out().contains(m), m);
        }
    }
}
