package io.github.metasweep.model.core;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Resolved hyper-parameters of a run: an immutable, name-sorted map of typed values. */
public final class ParamSet {
    private final SortedMap<String, Object> values;

    public ParamSet(Map<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyper-parameter " + name + " in " + values.keySet());
        }
        return v;
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public double getDouble(String name) {
        return (Double) get(name);
    }

    public boolean getBool(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    /** {@code name=value} pairs in name order, the form hashed into run ids. */
    public String canonical() {
        StringJoiner j = new StringJoiner(",");
        values.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSet other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
