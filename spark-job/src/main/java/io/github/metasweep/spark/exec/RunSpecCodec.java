package io.github.metasweep.spark.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.metasweep.model.core.RunSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run spec as the one-line JSON text that crosses the wire to an executor (only Strings travel),
 * and back: the executor resolves it again with its own model and checks that the id is the same,
 * so a driver and executors built from different code can never write results under a wrong id.
 */
public final class RunSpecCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunSpecCodec() {
    }

    public static String encode(RunSpec spec) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", spec.id());
        o.put("benchmark", spec.benchmark());
        o.put("method", spec.method());
        o.put("variant", spec.variant());
        o.put("seed", spec.seed());
        ObjectNode p = o.putObject("params");
        spec.params().asMap().forEach(p::putPOJO);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunSpec decode(String text) {
        try {
            JsonNode o = MAPPER.readTree(text);
            // Jackson types the values as the model accepts them: Integer or Long, Double, Boolean, String.
            Map<String, Object> params = MAPPER.convertValue(o.get("params"), new TypeReference<LinkedHashMap<String, Object>>() { });
            RunSpec spec = RunSpec.resolve(o.get("benchmark").asText(), o.get("method").asText(),
                    o.get("variant").asText(), params, o.get("seed").asLong());
            String expected = o.get("id").asText();
            if (!spec.id().equals(expected)) {
                throw new IllegalStateException("run " + expected + " resolves to " + spec.id()
                        + " on this executor: driver and executors run different versions of the model");
            }
            return spec;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an encoded run spec: " + e.getOriginalMessage(), e);
        }
    }
}
