package io.github.metasweep.spark.report.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Lines with shaded bands (e.g. mean +- sd over seeds) and labelled vertical markers, as a 1000x600 PNG. */
public final class BandChart {
    private BandChart() {
    }

    /** Lines with shaded bands, one colour per band, legend below; markers as dashed vertical lines. */
    public static void write(OutputStream out, String title, String xLabel, String yLabel, List<Band> bands,
                             List<Marker> markers) throws IOException {
        Charts.headless();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Set<String> keys = Charts.keys();
        for (Band b : bands == null ? List.<Band>of() : bands) {
            YIntervalSeries s = new YIntervalSeries(Charts.uniqueKey(b.label(), keys), false, true);
            int n = b.x() == null || b.centre() == null ? 0 : Math.min(b.x().length, b.centre().length);
            for (int i = 0; i < n; i++) {
                double x = b.x()[i];
                double c = b.centre()[i];
                if (!Double.isFinite(x) || !Double.isFinite(c)) {
                    continue;
                }
                double lo = Charts.at(b.low(), i);
                double hi = Charts.at(b.high(), i);
                lo = Double.isFinite(lo) ? Math.min(lo, c) : c;
                hi = Double.isFinite(hi) ? Math.max(hi, c) : c;
                s.add(x, c, lo, hi);
            }
            data.addSeries(s);
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, plot);
        Charts.style(chart);
        renderer.setAlpha(0.2f);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            renderer.setSeriesPaint(k, Charts.colour(k));
            renderer.setSeriesFillPaint(k, Charts.colour(k));
            renderer.setSeriesStroke(k, Charts.stroke(k));
        }
        for (Marker m : markers == null ? List.<Marker>of() : markers) {
            if (!Double.isFinite(m.x())) {
                continue;
            }
            ValueMarker line = new ValueMarker(m.x(), Charts.REFERENCE, Charts.DASHED);
            if (m.label() != null && !m.label().isEmpty()) {
                line.setLabel(m.label());
                line.setLabelFont(plot.getDomainAxis().getTickLabelFont());
                line.setLabelPaint(Charts.REFERENCE);
                line.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                line.setLabelOffset(new RectangleInsets(6, 4, 6, 4));
            }
            plot.addDomainMarker(line);
            Charts.include(xAxis, m.x());
        }
        Charts.writePng(chart, out);
    }
}
