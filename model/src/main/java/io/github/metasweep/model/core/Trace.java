package io.github.metasweep.model.core;

import java.util.List;

/**
 * Free-form data a run records beside its metrics and curves, for the report to draw: named series of
 * (x, y) points. {@link Kind#BAND} traces are averaged over seeds, series by series (e.g. gates against
 * episode); {@link Kind#EXAMPLE} traces are drawn for one seed, every configuration in one figure, with
 * {@code shared} series (the same for every method of a seed, such as a task's true curve) drawn once.
 */
public record Trace(Kind kind, String xLabel, String yLabel, List<Series> series) {

    public enum Kind {
        BAND,
        EXAMPLE
    }

    /** How a series is drawn. */
    public enum Style {
        LINE,
        POINTS
    }

    public record Series(String name, Style style, boolean shared, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + " has " + x.length + " x and " + y.length + " y");
            }
        }
    }

    public Trace {
        series = List.copyOf(series);
    }
}
