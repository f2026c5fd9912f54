package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Mean lines with shaded +-spread bands, and labelled vertical markers (e.g. the start of transfer). */
public final class LineChart {
    private LineChart() {
    }

    public static void write(OutputStream out, String title, String xLabel, String yLabel, List<Series> series,
                             double markerAt, String markerLabel) throws IOException {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double spread = s.spread() == null || !Double.isFinite(s.spread()[i]) ? 0 : s.spread()[i];
                if (!Double.isFinite(s.mean()[i])) {
                    continue;
                }
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, s.mean()[i] - spread);
                yMax = Math.max(yMax, s.mean()[i] + spread);
            }
        }
        if (!Double.isFinite(xMin)) {
            xMin = 0;
            xMax = 1;
            yMin = 0;
            yMax = 1;
        }
        Canvas c = new Canvas(1000, 600, title, xLabel, yLabel, NiceScale.of(xMin, xMax, 10), NiceScale.of(yMin, yMax, 8));
        Graphics2D g = c.graphics();
        List<String> labels = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color color = Canvas.PALETTE[k % Canvas.PALETTE.length];
            if (s.spread() != null) {
                Polygon band = new Polygon();
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.mean()[i])) {
                        band.addPoint(c.px(s.x()[i]), c.py(s.mean()[i] + finite(s.spread()[i])));
                    }
                }
                for (int i = s.x().length - 1; i >= 0; i--) {
                    if (Double.isFinite(s.mean()[i])) {
                        band.addPoint(c.px(s.x()[i]), c.py(s.mean()[i] - finite(s.spread()[i])));
                    }
                }
                g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
                g.fillPolygon(band);
            }
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            int prevX = Integer.MIN_VALUE;
            int prevY = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.mean()[i])) {
                    prevX = Integer.MIN_VALUE;
                    continue;
                }
                int xx = c.px(s.x()[i]);
                int yy = c.py(s.mean()[i]);
                if (prevX != Integer.MIN_VALUE) {
                    g.drawLine(prevX, prevY, xx, yy);
                }
                prevX = xx;
                prevY = yy;
            }
            labels.add(s.label());
            colors.add(color);
        }
        g.setStroke(new BasicStroke(1f));
        if (markerLabel != null) {
            c.marker(markerAt, markerLabel);
        }
        c.legend(labels, colors);
        c.writePng(out);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
