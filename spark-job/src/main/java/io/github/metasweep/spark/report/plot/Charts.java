package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/** What the charts share: size, fonts, colours, and headless PNG output through JFreeChart. */
final class Charts {
    static {
        // No display on a Spark driver or CI; AWT must not look for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    /** Matplotlib's tab10 minus its grey, which the axes and reference lines use. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf),
    };

    /** Markers and reference lines: dark grey, unlike the axes (grey), the grid (light grey) and the palette. */
    static final Color REFERENCE = new Color(0x333333);
    static final Stroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);

    private Charts() {
    }

    /** Called first by every chart: loading this class has set java.awt.headless unless the JVM was told otherwise. */
    static void headless() {
    }

    static Color colour(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }

    /** Dotted, for the third round of the palette and on. */
    static final Stroke DOTTED = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1f, 5f}, 0f);

    /** Series k's line: solid, then dashed and dotted once the palette repeats, so no two series look the same. */
    static Stroke stroke(int k) {
        int round = Math.floorDiv(k, PALETTE.length);
        return round == 0 ? LINE : round == 1 ? DASHED : DOTTED;
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Readable fonts (DejaVu Sans or whatever SansSerif maps to), white plot, light grid, no shadows. */
    static void style(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("metasweep", false);
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.GRAY);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    /** Widens an axis's (auto) range to show v too, e.g. a marker outside the data. */
    static void include(ValueAxis axis, double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        axis.configure();
        Range r = axis.getRange();
        if (v >= r.getLowerBound() && v <= r.getUpperBound()) {
            return;
        }
        double lo = Math.min(r.getLowerBound(), v);
        double hi = Math.max(r.getUpperBound(), v);
        double margin = 0.05 * (hi - lo);
        axis.setRange(v < r.getLowerBound() ? lo - margin : lo, v > r.getUpperBound() ? hi + margin : hi);
    }

    /** A legend key no other series has (JFreeChart's datasets need distinct keys). */
    static String uniqueKey(String label, Set<String> used) {
        String base = label == null ? "" : label;
        String key = base;
        for (int n = 2; !used.add(key); n++) {
            key = base + " (" + n + ")";
        }
        return key;
    }

    static Set<String> keys() {
        return new HashSet<>();
    }

    static double at(double[] a, int i) {
        return a != null && i < a.length ? a[i] : Double.NaN;
    }

    /** Renders the chart at 1000x600 (opaque RGB) and writes it as PNG; the stream is left open. */
    static void writePng(JFreeChart chart, OutputStream out) throws IOException {
        BufferedImage img = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer");
        }
    }
}
