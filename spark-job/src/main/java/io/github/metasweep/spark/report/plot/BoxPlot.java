package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * One box per group (quartiles interpolated like numpy, median line, Tukey whiskers to the furthest value within
 * 1.5 IQR of the box) with every value drawn as a point jittered across the box, and a dashed reference line
 * (e.g. zero improvement), as a 1000x600 PNG.
 */
public final class BoxPlot {
    private static final String SERIES = "values";

    private BoxPlot() {
    }

    /** One box (quartiles, whiskers at 1.5 IQR) per group with every value drawn as a jittered point, and a
     *  dashed horizontal reference line at y = reference (NaN: none). */
    public static void write(OutputStream out, String title, String yLabel, List<String> groups,
                             List<double[]> values, double reference) throws IOException {
        Charts.headless();
        int n = groups == null || values == null ? 0 : Math.min(groups.size(), values.size());
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<double[]> finite = new ArrayList<>();
        Set<String> keys = Charts.keys();
        for (int k = 0; k < n; k++) {
            double[] v = values.get(k) == null ? new double[0]
                    : Arrays.stream(values.get(k)).filter(Double::isFinite).toArray();
            finite.add(v);
            data.add(item(v), SERIES, Charts.uniqueKey(groups.get(k) + " (n=" + v.length + ")", keys));
        }
        CategoryAxis xAxis = new CategoryAxis(null);
        xAxis.setMaximumCategoryLabelLines(2);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        Renderer renderer = new Renderer(finite);
        CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.style(chart);
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setFillBox(true);
        renderer.setMaximumBarWidth(0.12);
        renderer.setWhiskerWidth(0.5);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setArtifactPaint(Color.BLACK);
        renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
        // The axis covers every value (not only the whiskers, as JFreeChart's would) and the reference line.
        double lo = Double.isFinite(reference) ? reference : Double.POSITIVE_INFINITY;
        double hi = Double.isFinite(reference) ? reference : Double.NEGATIVE_INFINITY;
        for (double[] v : finite) {
            for (double d : v) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (lo <= hi) {
            double margin = hi > lo ? 0.05 * (hi - lo) : Math.max(1.0, Math.abs(lo) * 0.1);
            yAxis.setRange(lo - margin, hi + margin);
        }
        if (Double.isFinite(reference)) {
            plot.addRangeMarker(new ValueMarker(reference, Charts.REFERENCE, Charts.DASHED));
        }
        Charts.writePng(chart, out);
    }

    /** Numpy-style quartiles; whiskers at the extreme values within 1.5 IQR; null numbers for no values. */
    static BoxAndWhiskerItem item(double[] values) {
        if (values.length == 0) {
            return new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of());
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double q1 = quantile(v, 0.25);
        double q3 = quantile(v, 0.75);
        double iqr = q3 - q1;
        double lowFence = q1 - 1.5 * iqr;
        double highFence = q3 + 1.5 * iqr;
        double lowWhisker = Arrays.stream(v).filter(d -> d >= lowFence).min().orElse(q1);
        double highWhisker = Arrays.stream(v).filter(d -> d <= highFence).max().orElse(q3);
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        // No outlier list: every value is drawn as a point; min/max "outlier" set the axis range to all values.
        return new BoxAndWhiskerItem(mean, quantile(v, 0.5), q1, q3, lowWhisker, highWhisker, v[0], v[v.length - 1],
                List.of());
    }

    /** Linear-interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** Horizontal offset in [-0.5, 0.5) of the i-th point: the golden-ratio sequence, even and deterministic. */
    static double jitter(int i) {
        double f = (i + 1) * 0.6180339887498949;
        return f - Math.floor(f) - 0.5;
    }

    /** JFreeChart's box renderer with one colour per group and the group's values drawn over its box. */
    private static final class Renderer extends BoxAndWhiskerRenderer {
        private static final long serialVersionUID = 1L;
        private final transient List<double[]> values;

        Renderer(List<double[]> values) {
            this.values = values;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return Charts.translucent(Charts.colour(column), 70);
        }

        @Override
        public Paint getItemOutlinePaint(int row, int column) {
            return Charts.colour(column).darker();
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                             int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] v = values.get(column);
            RectangleEdge xEdge = plot.getDomainAxisEdge();
            RectangleEdge yEdge = plot.getRangeAxisEdge();
            double centre = domainAxis.getCategoryMiddle(column, getColumnCount(), dataArea, xEdge);
            double spread = Math.max(8, 0.8 * state.getBarWidth());
            Color fill = Charts.translucent(Charts.colour(column), 200);
            Color edge = Charts.colour(column).darker().darker();
            g2.setStroke(new BasicStroke(1f));
            double r = 4.5;
            for (int i = 0; i < v.length; i++) {
                double x = centre + jitter(i) * spread;
                double y = rangeAxis.valueToJava2D(v[i], dataArea, yEdge);
                Ellipse2D dot = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
                g2.setPaint(fill);
                g2.fill(dot);
                g2.setPaint(edge);
                g2.draw(dot);
            }
        }
    }
}
