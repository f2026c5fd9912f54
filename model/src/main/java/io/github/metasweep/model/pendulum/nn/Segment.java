package io.github.metasweep.model.pendulum.nn;

/** A named tensor inside a flat parameter vector: {@code rows x cols} values, row-major, from {@code offset}. */
public record Segment(String name, int offset, int rows, int cols, ParameterGroup group) {
    public int size() {
        return rows * cols;
    }

    public int end() {
        return offset + size();
    }
}
