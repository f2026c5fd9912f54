package io.github.metasweep.spark.report.plot;

/** A vertical marker line at x with a label (e.g. "transfer starts"). */
public record Marker(double x, String label) {
}
