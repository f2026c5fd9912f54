package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Lines with shaded bands (a mean and its interval), one colour per band, legend below, dashed markers. */
public final class BandChart {
    private BandChart() {
    }

    public static void write(OutputStream out, String title, String xLabel, String yLabel, List<Band> bands,
                             List<Marker> markers) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.18f);
        int i = 0;
        for (Band b : bands) {
            YIntervalSeries s = new YIntervalSeries(b.label() + (i == 0 ? "" : "\u200b".repeat(i)), false, true);
            for (int p = 0; p < b.x().length; p++) {
                if (Double.isFinite(b.x()[p]) && Double.isFinite(b.centre()[p]) && Double.isFinite(b.low()[p])
                        && Double.isFinite(b.high()[p])) {
                    s.add(b.x()[p], b.centre()[p], b.low()[p], b.high()[p]);
                }
            }
            data.addSeries(s);
            Color c = Charts.colour(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            i++;
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (Marker m : markers) {
            plot.addDomainMarker(Charts.dashed(m.x(), m.label()));
        }
        Charts.write(out, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, !bands.isEmpty()));
    }
}
