package io.github.metasweep.spark.report.plot;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Several series, lines or points, on one pair of axes, as a 1000x600 PNG. */
public final class OverlayChart {
    private OverlayChart() {
    }

    /** Several series on one pair of axes (e.g. a task's true curve, its support points and each method's fit). */
    public static void write(OutputStream out, String title, String xLabel, String yLabel,
                             List<OverlaySeries> series) throws IOException {
        Charts.headless();
        List<OverlaySeries> all = series == null ? List.of() : series;
        XYSeriesCollection data = new XYSeriesCollection();
        Set<String> keys = Charts.keys();
        for (OverlaySeries o : all) {
            // kept in the caller's order: a line is drawn through its points as given
            XYSeries s = new XYSeries(Charts.uniqueKey(o.label(), keys), false, true);
            int n = o.x() == null || o.y() == null ? 0 : Math.min(o.x().length, o.y().length);
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(o.x()[i]) && Double.isFinite(o.y()[i])) {
                    s.add(o.x()[i], o.y()[i]);
                }
            }
            data.addSeries(s);
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, plot);
        Charts.style(chart);
        for (int k = 0; k < all.size(); k++) {
            boolean points = all.get(k).points();
            renderer.setSeriesPaint(k, Charts.colour(k));
            renderer.setSeriesStroke(k, Charts.stroke(k));
            renderer.setSeriesLinesVisible(k, !points);
            renderer.setSeriesShapesVisible(k, points);
            renderer.setSeriesShape(k, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        }
        Charts.writePng(chart, out);
    }
}
