package io.github.metasweep.spark.report.plot;

/**
 * One curve with a band: mean (or any centre) and low/high per x; low/high may equal the centre for no band.
 * Points whose x or centre is NaN are skipped; a NaN (or null) low/high falls back to the centre.
 */
public record Band(String label, double[] x, double[] centre, double[] low, double[] high) {
}
