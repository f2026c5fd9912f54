package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Several series on one pair of axes (a task's true curve, its support points, each method's fit). */
public final class OverlayChart {
    private OverlayChart() {
    }

    public static void write(OutputStream out, String title, String xLabel, String yLabel,
                             List<OverlaySeries> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int i = 0;
        for (OverlaySeries o : series) {
            XYSeries s = new XYSeries(o.label() + "\u200b".repeat(i), false, true); // labels may repeat
            for (int p = 0; p < o.x().length; p++) {
                if (Double.isFinite(o.x()[p]) && Double.isFinite(o.y()[p])) {
                    s.add(o.x()[p], o.y()[p]);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, Charts.colour(i));
            renderer.setSeriesLinesVisible(i, !o.points());
            renderer.setSeriesShapesVisible(i, o.points());
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            i++;
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Charts.write(out, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, !series.isEmpty()));
    }
}
