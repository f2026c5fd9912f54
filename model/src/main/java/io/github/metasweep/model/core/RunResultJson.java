package io.github.metasweep.model.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of a run result (snake_case keys; NaN written as null), and back:
 * {@code id, status, benchmark, method, variant, seed, params, metrics, curves, traces, seconds, message,
 * provenance}. A curve is {@code {x_label, y_label, x, y, phases: [{name, from, to}]}}; a trace is
 * {@code {kind, x_label, y_label, series: [{name, style, shared, x, y}]}}.
 */
public final class RunResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The message of a result written before results were generic (best_return at the top level). */
    public static final String PREVIOUS_FORMAT = "written in the previous result format (best_return and "
            + "avg10_return at the top level, no 'metrics' object), before metrics became per benchmark";

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
        r.params().asMap().forEach(params::putPOJO);
        ObjectNode metrics = o.putObject("metrics");
        r.metrics().forEach((k, v) -> putNumber(metrics, k, v));
        ObjectNode curves = o.putObject("curves");
        r.curves().forEach((name, c) -> {
            ObjectNode n = curves.putObject(name);
            n.put("x_label", c.xLabel());
            n.put("y_label", c.yLabel());
            putArray(n.putArray("x"), c.x());
            putArray(n.putArray("y"), c.y());
            ArrayNode phases = n.putArray("phases");
            for (Curve.Phase p : c.phases()) {
                phases.addObject().put("name", p.name()).put("from", p.from()).put("to", p.to());
            }
        });
        ObjectNode traces = o.putObject("traces");
        r.traces().forEach((name, t) -> {
            ObjectNode n = traces.putObject(name);
            n.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
            n.put("x_label", t.xLabel());
            n.put("y_label", t.yLabel());
            ArrayNode series = n.putArray("series");
            for (Trace.Series s : t.series()) {
                ObjectNode e = series.addObject();
                e.put("name", s.name());
                e.put("style", s.style().name().toLowerCase(Locale.ROOT));
                e.put("shared", s.shared());
                putArray(e.putArray("x"), s.x());
                putArray(e.putArray("y"), s.y());
            }
        });
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

    /** True when {@code json} parses as an object written in the previous (pendulum-shaped) result format. */
    public static boolean isPreviousFormat(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            return o != null && o.isObject() && !o.has("metrics") && o.has("best_return");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static RunResult read(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            if (o == null || !o.isObject()) {
                throw new IllegalArgumentException("not a run result: not a JSON object");
            }
            if (isPreviousFormat(json)) {
                throw new IllegalArgumentException("a run result " + PREVIOUS_FORMAT);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            field(o, "params").fields().forEachRemaining(e -> params.put(e.getKey(), scalar(e.getValue())));
            Map<String, Double> metrics = new LinkedHashMap<>();
            field(o, "metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), number(e.getValue())));
            Map<String, Curve> curves = new LinkedHashMap<>();
            field(o, "curves").fields().forEachRemaining(e -> {
                JsonNode c = e.getValue();
                List<Curve.Phase> phases = new ArrayList<>();
                for (JsonNode p : field(c, "phases")) {
                    phases.add(new Curve.Phase(p.get("name").asText(), p.get("from").asInt(), p.get("to").asInt()));
                }
                curves.put(e.getKey(), new Curve(text(c, "x_label"), text(c, "y_label"), doubles(field(c, "x")),
                        doubles(field(c, "y")), phases));
            });
            Map<String, Trace> traces = new LinkedHashMap<>();
            JsonNode traceNode = o.get("traces");
            if (traceNode != null) {
                traceNode.fields().forEachRemaining(e -> {
                    JsonNode t = e.getValue();
                    List<Trace.Series> series = new ArrayList<>();
                    for (JsonNode s : field(t, "series")) {
                        series.add(new Trace.Series(text(s, "name"),
                                Trace.Style.valueOf(text(s, "style").toUpperCase(Locale.ROOT)),
                                s.path("shared").asBoolean(false), doubles(field(s, "x")), doubles(field(s, "y"))));
                    }
                    traces.put(e.getKey(), new Trace(Trace.Kind.valueOf(text(t, "kind").toUpperCase(Locale.ROOT)),
                            text(t, "x_label"), text(t, "y_label"), series));
                });
            }
            JsonNode p = field(o, "provenance");
            Provenance prov = new Provenance(text(p, "project_version"), text(p, "git_commit"),
                    text(p, "java_version"), text(p, "nd4j_version"), text(p, "omp_num_threads"));
            return new RunResult(text(o, "id"), RunStatus.ofLabel(text(o, "status")), text(o, "benchmark"),
                    text(o, "method"), text(o, "variant"), field(o, "seed").asLong(), new ParamSet(params), metrics,
                    curves, traces, field(o, "seconds").asDouble(), o.has("message") ? o.get("message").asText() : null,
                    prov);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run result: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("not a run result: field '" + name + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode o, String name) {
        return field(o, name).asText();
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
