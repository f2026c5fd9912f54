package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * One box per group (quartiles, median line, whiskers to min and max) with every value drawn as a
 * point beside it, and a reference line (e.g. zero improvement).
 */
public final class BoxPlot {
    private BoxPlot() {
    }

    public static void write(OutputStream out, String title, String yLabel, List<String> groups, List<double[]> values,
                             double referenceAt) throws IOException {
        double lo = referenceAt;
        double hi = referenceAt;
        for (double[] v : values) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        int n = groups.size();
        Canvas c = Canvas.categorical(Math.max(700, 140 * n + 150), 600, title, yLabel, n, NiceScale.of(lo, hi, 8));
        Graphics2D g = c.graphics();
        c.horizontal(referenceAt, Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < n; k++) {
            double[] v = Arrays.stream(values.get(k)).filter(Double::isFinite).sorted().toArray();
            Color color = Canvas.PALETTE[k % Canvas.PALETTE.length];
            int center = c.px(k + 0.5);
            int half = Math.min(35, (c.px(1) - c.px(0)) / 4);
            if (v.length > 0) {
                int q1 = c.py(quantile(v, 0.25));
                int q3 = c.py(quantile(v, 0.75));
                int med = c.py(quantile(v, 0.5));
                g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
                g.fillRect(center - half, q3, 2 * half, Math.max(1, q1 - q3));
                g.setColor(color.darker());
                g.setStroke(new BasicStroke(1.5f));
                g.drawRect(center - half, q3, 2 * half, Math.max(1, q1 - q3));
                g.setStroke(new BasicStroke(3f));
                g.drawLine(center - half, med, center + half, med);
                g.setStroke(new BasicStroke(1.2f));
                g.drawLine(center, q3, center, c.py(v[v.length - 1]));
                g.drawLine(center, q1, center, c.py(v[0]));
                g.drawLine(center - half / 2, c.py(v[v.length - 1]), center + half / 2, c.py(v[v.length - 1]));
                g.drawLine(center - half / 2, c.py(v[0]), center + half / 2, c.py(v[0]));
                g.setColor(color);
                for (int i = 0; i < v.length; i++) {
                    // spread the points deterministically beside the box so equal values stay visible
                    int dx = half + 8 + (int) ((i * 7919L) % Math.max(1, half));
                    g.fillOval(center + dx - 3, c.py(v[i]) - 3, 6, 6);
                }
            }
            g.setColor(Color.BLACK);
            String label = groups.get(k) + " (n=" + v.length + ")";
            g.drawString(label, center - fm.stringWidth(label) / 2, c.categoryLabelY());
        }
        c.writePng(out);
    }

    /** Linear-interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
