package io.github.metasweep.model.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a run result (snake_case keys; NaN written as null), and back. */
public final class RunResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunResultJson() {
    }

    public static String write(RunResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("status", r.status().label());
        o.put("benchmark", r.benchmark());
        o.put("method", r.method());
        o.put("variant", r.variant());
        o.put("seed", r.seed());
        ObjectNode params = o.putObject("params");
        r.params().asMap().forEach((k, v) -> params.putPOJO(k, v));
        putNumber(o, "best_return", r.bestReturn());
        putNumber(o, "avg10_return", r.avg10Return());
        putArray(o.putArray("pretrain_returns"), r.pretrainReturns());
        putArray(o.putArray("transfer_returns"), r.transferReturns());
        ArrayNode trace = o.putArray("k_trace");
        for (GateReading g : r.kTrace()) {
            ObjectNode e = trace.addObject();
            e.put("episode", g.episode());
            e.put("phase", g.phase());
            putArray(e.putArray("layer"), g.layer());
            putArray(e.putArray("block_mean"), g.blockMean());
            putArray(e.putArray("target"), g.target());
        }
        o.put("seconds", r.seconds());
        if (r.message() != null) {
            o.put("message", r.message());
        }
        ObjectNode p = o.putObject("provenance");
        p.put("project_version", r.provenance().projectVersion());
        p.put("git_commit", r.provenance().gitCommit());
        p.put("java_version", r.provenance().javaVersion());
        p.put("nd4j_version", r.provenance().nd4jVersion());
        p.put("omp_num_threads", r.provenance().ompNumThreads());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunResult read(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            Map<String, Object> params = new LinkedHashMap<>();
            o.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), scalar(e.getValue())));
            List<GateReading> trace = new ArrayList<>();
            for (JsonNode e : o.get("k_trace")) {
                trace.add(new GateReading(e.get("episode").asInt(), e.get("phase").asText(), doubles(e.get("layer")),
                        doubles(e.get("block_mean")), doubles(e.get("target"))));
            }
            JsonNode p = o.get("provenance");
            Provenance prov = new Provenance(p.get("project_version").asText(), p.get("git_commit").asText(),
                    p.get("java_version").asText(), p.get("nd4j_version").asText(), p.get("omp_num_threads").asText());
            return new RunResult(o.get("id").asText(), RunStatus.ofLabel(o.get("status").asText()),
                    o.get("benchmark").asText(), o.get("method").asText(), o.get("variant").asText(),
                    o.get("seed").asLong(), new ParamSet(params), number(o.get("best_return")),
                    number(o.get("avg10_return")), doubles(o.get("pretrain_returns")),
                    doubles(o.get("transfer_returns")), trace, o.get("seconds").asDouble(),
                    o.has("message") ? o.get("message").asText() : null, prov);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run result: " + e.getOriginalMessage(), e);
        }
    }

    private static Object scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asText();
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void putArray(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    private static double number(JsonNode v) {
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(a.get(i));
        }
        return out;
    }
}
