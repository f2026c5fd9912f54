package io.github.metasweep.model.core;

import java.util.List;
import java.util.Locale;

/**
 * One hyper-parameter: its name, type, default and accepted range, parsed and checked at the edge.
 * Values are Integer, Double, Boolean or String (for CHOICE). {@code inIdAtDefault} false marks a knob added after
 * runs of its benchmark were stored: at its default it is left out of run ids ({@link RunSpec#id()}), so those runs
 * keep theirs and a sweep still resumes from them.
 */
public record ParamDef(String name, ParamType type, Object defaultValue, double min, boolean minExclusive,
                       double max, List<String> choices, String description, boolean inIdAtDefault) {

    public static ParamDef integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamDef(name, ParamType.INT, defaultValue, min, false, max, List.of(), description, true);
    }

    /** A finite number {@code > min} (exclusive) or {@code >= min}. */
    public static ParamDef number(String name, double defaultValue, double min, boolean minExclusive, double max,
                                  String description) {
        return new ParamDef(name, ParamType.DOUBLE, defaultValue, min, minExclusive, max, List.of(), description, true);
    }

    public static ParamDef bool(String name, boolean defaultValue, String description) {
        return new ParamDef(name, ParamType.BOOL, defaultValue, 0, false, 0, List.of(), description, true);
    }

    public static ParamDef choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamDef(name, ParamType.CHOICE, defaultValue, 0, false, 0, List.copyOf(choices), description, true);
    }

    /** This knob, added after runs were stored: left out of run ids at its default (see the class comment). */
    public ParamDef addedLater() {
        return new ParamDef(name, type, defaultValue, min, minExclusive, max, choices, description, false);
    }

    /** Words for the accepted values, for error messages and --help. */
    public String accepted() {
        return switch (type) {
            case INT -> "an integer from " + (long) min + " to " + (long) max;
            case DOUBLE -> "a number " + (minExclusive ? "> " : ">= ") + fmt(min)
                    + (Double.isInfinite(max) ? "" : " and <= " + fmt(max));
            case BOOL -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    /** Parses a command-line or YAML scalar text. */
    public Object parse(String text) {
        String t = text.trim();
        return switch (type) {
            case INT -> {
                try {
                    yield check(Long.parseLong(t), text);
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
            }
            case DOUBLE -> {
                try {
                    yield check(Double.parseDouble(t), text);
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
            }
            case BOOL -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    yield Boolean.valueOf(lower);
                }
                throw invalid(text);
            }
            case CHOICE -> {
                if (choices.contains(t)) {
                    yield t;
                }
                throw invalid(text);
            }
        };
    }

    /** Accepts an already typed value (from YAML: Integer, Long, Double, Boolean, String) or text. */
    public Object coerce(Object value) {
        if (value instanceof String s) {
            return parse(s);
        }
        return switch (type) {
            case INT -> {
                if (value instanceof Integer || value instanceof Long) {
                    yield check(((Number) value).longValue(), String.valueOf(value));
                }
                throw invalid(String.valueOf(value));
            }
            case DOUBLE -> {
                if (value instanceof Number n) {
                    yield check(n.doubleValue(), String.valueOf(value));
                }
                throw invalid(String.valueOf(value));
            }
            case BOOL -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw invalid(String.valueOf(value));
            }
            case CHOICE -> throw invalid(String.valueOf(value));
        };
    }

    private Integer check(long v, String found) {
        if (v < min || v > max) {
            throw invalid(found);
        }
        return (int) v;
    }

    private Double check(double v, String found) {
        boolean below = minExclusive ? v <= min : v < min;
        if (!Double.isFinite(v) || below || v > max) {
            throw invalid(found);
        }
        return v;
    }

    private InvalidSpecException invalid(String found) {
        return new InvalidSpecException(name, name + ": '" + found + "' is not accepted; expected " + accepted());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
