package io.github.metasweep.spark.report.plot;

/** A series of an overlay figure: drawn as a line or as points. Points with a NaN x or y are skipped. */
public record OverlaySeries(String label, double[] x, double[] y, boolean points) {
}
