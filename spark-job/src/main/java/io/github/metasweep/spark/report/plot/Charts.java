package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/** What every report chart shares: size, background, palette, legend placement and PNG output (headless). */
final class Charts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;
    /** A palette that stays apart in print and for common colour blindness (Okabe-Ito, then darker tones). */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(230, 159, 0), new Color(0, 0, 0), new Color(240, 228, 66),
        new Color(90, 90, 160), new Color(150, 60, 60), new Color(60, 120, 60), new Color(120, 120, 120)};
    static final Color GRID = new Color(225, 225, 225);
    static final Color REFERENCE = new Color(200, 0, 0); // reference lines and markers stand apart from the grey axes

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** White background, light grid, legend below; the series' own paints and strokes are left as set. */
    static void write(OutputStream out, JFreeChart chart) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        org.jfree.chart.plot.Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof org.jfree.chart.plot.XYPlot p) {
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot p) {
            p.setRangeGridlinePaint(GRID);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        chart.setAntiAlias(true);
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }

    /** A dashed line at {@code value} with a label, for markers and reference lines. */
    static ValueMarker dashed(double value, String label) {
        ValueMarker m = new ValueMarker(value, REFERENCE, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        return m;
    }
}
