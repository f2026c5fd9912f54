package io.github.metasweep.spark.report;

/** A table column: its name and how its values are shown in Markdown and LaTeX (CSV keeps full precision). */
public record TableColumn(String name, Kind kind) {
    public enum Kind {
        TEXT,
        COUNT,
        /** A return or a percentage: two decimals. */
        NUMBER,
        /** A probability or p-value: three significant digits. */
        PROBABILITY
    }

    public static TableColumn text(String name) {
        return new TableColumn(name, Kind.TEXT);
    }

    public static TableColumn count(String name) {
        return new TableColumn(name, Kind.COUNT);
    }

    public static TableColumn number(String name) {
        return new TableColumn(name, Kind.NUMBER);
    }

    public static TableColumn probability(String name) {
        return new TableColumn(name, Kind.PROBABILITY);
    }
}
