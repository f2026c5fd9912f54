package io.github.metasweep.spark.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One headless PNG figure: a title, a framed plot area with ticks, grid and axis labels, and a
 * legend; data coordinates map to pixels through {@link #px} and {@link #py}.
 */
public final class Canvas {
    /** Tableau-10, distinguishable in print and for most colour-vision deficiencies. */
    public static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private final BufferedImage image;
    private final Graphics2D g;
    private final NiceScale x;
    private final NiceScale y;
    private final int width;
    private final int height;
    private final boolean xTicks;

    /** A figure with numeric axes. */
    public Canvas(int width, int height, String title, String xLabel, String yLabel, NiceScale x, NiceScale y) {
        this(width, height, title, xLabel, yLabel, x, y, true);
    }

    /** A figure whose x axis holds {@code groups} categories at x = 0.5, 1.5, ... (labelled by the caller). */
    public static Canvas categorical(int width, int height, String title, String yLabel, int groups, NiceScale y) {
        return new Canvas(width, height, title, "", yLabel, new NiceScale(0, groups, 1), y, false);
    }

    private Canvas(int width, int height, String title, String xLabel, String yLabel, NiceScale x, NiceScale y,
                   boolean xTicks) {
        this.xTicks = xTicks;
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        frame(title, xLabel, yLabel);
    }

    public Graphics2D graphics() {
        return g;
    }

    public int px(double v) {
        return LEFT + (int) Math.round((v - x.min()) / (x.max() - x.min()) * (width - LEFT - RIGHT));
    }

    public int py(double v) {
        return height - BOTTOM - (int) Math.round((v - y.min()) / (y.max() - y.min()) * (height - TOP - BOTTOM));
    }

    /** The baseline for category labels, below the plot area. */
    public int categoryLabelY() {
        return height - BOTTOM + 18;
    }

    private void frame(String title, String xLabel, String yLabel) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double t : y.ticks()) {
            int yy = py(t);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(LEFT, yy, width - RIGHT, yy);
            g.setColor(Color.DARK_GRAY);
            String s = y.label(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), yy + fm.getAscent() / 2 - 1);
        }
        for (double t : xTicks ? x.ticks() : List.<Double>of()) {
            int xx = px(t);
            g.setColor(new Color(0xF0F0F0));
            g.drawLine(xx, TOP, xx, height - BOTTOM);
            g.setColor(Color.DARK_GRAY);
            String s = x.label(t);
            g.drawString(s, xx - fm.stringWidth(s) / 2, height - BOTTOM + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        fm = g.getFontMetrics();
        g.drawString(xLabel, (LEFT + width - RIGHT) / 2 - fm.stringWidth(xLabel) / 2, height - 18);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + height - BOTTOM) / 2 - fm.stringWidth(yLabel) / 2, 22);
        g.setTransform(saved);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        fm = g.getFontMetrics();
        g.drawString(title, width / 2 - fm.stringWidth(title) / 2, 28);
    }

    /** A dashed vertical line at data x {@code at}, labelled at its foot (the legend sits at the top). */
    public void marker(double at, String label) {
        int xx = px(at);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(xx, TOP, xx, height - BOTTOM);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(label, xx + 4, height - BOTTOM - 6);
    }

    /** A horizontal line at data y {@code at}. */
    public void horizontal(double at, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(LEFT, py(at), width - RIGHT, py(at));
    }

    /** Legend entries (a colour swatch and a label each), boxed at the top-left of the plot area. */
    public void legend(List<String> labels, List<Color> colors) {
        if (labels.isEmpty()) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String l : labels) {
            w = Math.max(w, fm.stringWidth(l));
        }
        int boxW = w + 40;
        int boxH = labels.size() * 18 + 8;
        int x0 = LEFT + 10;
        int y0 = TOP + 10;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x0, y0, boxW, boxH);
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, boxW, boxH);
        for (int i = 0; i < labels.size(); i++) {
            int yy = y0 + 6 + i * 18;
            g.setColor(colors.get(i));
            g.fillRect(x0 + 8, yy + 3, 18, 8);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x0 + 32, yy + 12);
        }
    }

    public void writePng(OutputStream out) throws IOException {
        g.dispose();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JVM");
        }
    }
}
