package io.github.metasweep.spark.report.plot;

/** One curve with a band: mean (or any centre) and low/high per x; low/high may equal the centre for no band. */
public record Band(String label, double[] x, double[] centre, double[] low, double[] high) {
}
