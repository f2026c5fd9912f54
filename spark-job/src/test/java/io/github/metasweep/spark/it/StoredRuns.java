package io.github.metasweep.spark.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metasweep.spark.store.HadoopConf;
import io.github.metasweep.spark.store.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The stored results of an output, by id, each without its wall-clock seconds (and checksum: the fields that may differ). */
final class StoredRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredRuns() {
    }

    static Map<String, JsonNode> read(String out) {
        ResultStore store = ResultStore.open(out, HadoopConf.from(List.of()));
        Map<String, JsonNode> runs = new TreeMap<>();
        try {
            for (String id : store.resultIds()) {
                ObjectNode node = (ObjectNode) JSON.readTree(store.readResult(id));
                node.remove("seconds");
                node.remove("sha256"); // the checksum covers the seconds too
                runs.put(id, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }
}
