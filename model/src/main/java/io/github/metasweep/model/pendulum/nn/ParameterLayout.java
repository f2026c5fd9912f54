package io.github.metasweep.model.pendulum.nn;

import io.github.metasweep.model.core.optim.Adam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each named tensor lives in a flat parameter vector; immutable once built. */
public final class ParameterLayout {
    private final List<Segment> segments;
    private final Map<String, Segment> byName;
    private final int size;

    private ParameterLayout(List<Segment> segments) {
        this.segments = Collections.unmodifiableList(segments);
        Map<String, Segment> map = new LinkedHashMap<>();
        for (Segment s : segments) {
            map.put(s.name(), s);
        }
        this.byName = Collections.unmodifiableMap(map);
        this.size = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Segment> segments() {
        return segments;
    }

    public int size() {
        return size;
    }

    public Segment get(String name) {
        Segment s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no parameter tensor named " + name + " in " + byName.keySet());
        }
        return s;
    }

    /** The group of every scalar, in vector order. */
    public ParameterGroup[] groupOfEach() {
        ParameterGroup[] groups = new ParameterGroup[size];
        for (Segment s : segments) {
            java.util.Arrays.fill(groups, s.offset(), s.end(), s.group());
        }
        return groups;
    }

    /** One Adam learning rate per scalar: {@code weightLr} for the weight group, {@code gateLr} for the gates. */
    public double[] learningRates(double weightLr, double gateLr) {
        ParameterGroup[] groups = groupOfEach();
        double[] lrs = new double[groups.length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = groups[i] == ParameterGroup.WEIGHT ? weightLr : gateLr;
        }
        return lrs;
    }

    public static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private int next;

        public Builder add(String name, int rows, int cols, ParameterGroup group) {
            segments.add(new Segment(name, next, rows, cols, group));
            next += rows * cols;
            return this;
        }

        public ParameterLayout build() {
            return new ParameterLayout(new ArrayList<>(segments));
        }
    }
}
