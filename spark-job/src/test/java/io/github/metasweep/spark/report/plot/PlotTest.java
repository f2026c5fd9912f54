package io.github.metasweep.spark.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.junit.jupiter.api.Test;

class PlotTest {
    /** Well inside the plot area of every chart: clear of the title, axes, tick labels and legend. */
    private static final int LEFT = 150;
    private static final int RIGHT = 900;
    private static final int TOP = 80;
    private static final int BOTTOM = 460;

    private interface Drawing {
        void draw(OutputStream out) throws IOException;
    }

    private static byte[] png(Drawing d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.draw(out);
        return out.toByteArray();
    }

    private static BufferedImage image(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "not a PNG ImageIO can read");
        assertEquals(1000, img.getWidth());
        assertEquals(600, img.getHeight());
        return img;
    }

    private static BufferedImage image(Drawing d) throws IOException {
        return image(png(d));
    }

    private static boolean near(int rgb, Color c, int tolerance) {
        return Math.abs(((rgb >> 16) & 255) - c.getRed()) <= tolerance
                && Math.abs(((rgb >> 8) & 255) - c.getGreen()) <= tolerance
                && Math.abs((rgb & 255) - c.getBlue()) <= tolerance;
    }

    private static int distinctColoursInPlotArea(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = TOP; y < BOTTOM; y++) {
            for (int x = LEFT; x < RIGHT; x++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Rows in which at least minCount pixels, spread over at least minSpan columns, have (about) colour c. */
    private static List<Integer> rowsOf(BufferedImage img, Color c, int minCount, int minSpan) {
        List<Integer> rows = new ArrayList<>();
        for (int y = 0; y < img.getHeight(); y++) {
            int count = 0;
            int first = -1;
            int last = -1;
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(img.getRGB(x, y), c, 30)) {
                    count++;
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            if (count >= minCount && last - first >= minSpan) {
                rows.add(y);
            }
        }
        return rows;
    }

    private static List<Integer> columnsOf(BufferedImage img, Color c, int minCount) {
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < img.getWidth(); x++) {
            int count = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                count += near(img.getRGB(x, y), c, 30) ? 1 : 0;
            }
            if (count >= minCount) {
                columns.add(x);
            }
        }
        return columns;
    }

    private static double mean(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    private static double[] constant(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    /** A flat line at y (no band), and a second series from 0 to 3 that fixes the y range whatever y is. */
    private static Drawing flatLine(double y) {
        List<Band> bands = List.of(
                new Band("line", X, constant(X.length, y), constant(X.length, y), constant(X.length, y)),
                new Band("frame", new double[] {0, 10}, new double[] {0, 3}, new double[] {0, 3}, new double[] {0, 3}));
        return out -> BandChart.write(out, "Flat line", "x", "y", bands, List.of());
    }

    private static Drawing curves() {
        double[] mean = new double[X.length];
        double[] low = new double[X.length];
        double[] high = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            mean[i] = -4000 + 150 * i;
            low[i] = mean[i] - 400;
            high[i] = mean[i] + 400;
        }
        List<Band> bands = List.of(new Band("nb-pro (n=5)", X, mean, low, high),
                new Band("maml (n=5)", X, constant(X.length, -3500), constant(X.length, -3700), constant(X.length, -3300)));
        return out -> BandChart.write(out, "Episode return, mean \u00b1 sd over seeds", "episode", "episode return",
                bands, List.of(new Marker(5.5, "transfer starts")));
    }

    private static Drawing boxes(double reference) {
        return out -> BoxPlot.write(out, "Per-seed improvement", "improvement (%)", List.of("nb", "nb-pro", "full"),
                List.of(new double[] {0, 1.5, 4, 6, 10}, new double[] {2, 3, 5, 5.5, 7, 9}, new double[] {1, 2, 2.5, 8}),
                reference);
    }

    private static Drawing overlay() {
        double[] xs = new double[101];
        double[] ys = new double[101];
        for (int i = 0; i <= 100; i++) {
            xs[i] = -5 + 0.1 * i;
            ys[i] = 3 * Math.sin(xs[i] + 0.5);
        }
        List<OverlaySeries> series = List.of(new OverlaySeries("true curve", xs, ys, false),
                // level, so that drawn as a line it would make a long row of its colour
                new OverlaySeries("support", new double[] {-4, -1, 2, 4}, constant(4, -2.0), true),
                new OverlaySeries("fit", xs, constant(xs.length, 1.0), false));
        return out -> OverlayChart.write(out, "Task 3", "x", "y", series);
    }

    @Test
    void bandChartIs1000x600WithLinesAndShadedBands() throws Exception {
        BufferedImage img = image(curves());
        assertTrue(distinctColoursInPlotArea(img) > 50, "plot area looks blank: " + distinctColoursInPlotArea(img));
        // the first band: 20% of the first colour over white
        Color c = Charts.colour(0);
        Color band = new Color(255 - (255 - c.getRed()) / 5, 255 - (255 - c.getGreen()) / 5, 255 - (255 - c.getBlue()) / 5);
        int banded = 0;
        for (int y = TOP; y < BOTTOM; y++) {
            for (int x = LEFT; x < RIGHT; x++) {
                banded += near(img.getRGB(x, y), band, 6) ? 1 : 0;
            }
        }
        assertTrue(banded > 5000, "the translucent band: " + banded);
    }

    @Test
    void bandChartDrawsTheLineAtItsValue() throws Exception {
        Color line = Charts.colour(0);
        List<Integer> at1 = rowsOf(image(flatLine(1)), line, 300, 500);
        List<Integer> at2 = rowsOf(image(flatLine(2)), line, 300, 500);
        assertFalse(at1.isEmpty(), "no horizontal line in the series colour for y=1");
        assertFalse(at2.isEmpty(), "no horizontal line in the series colour for y=2");
        assertTrue(at1.size() <= 4 && at2.size() <= 4, "the lines are thin: " + at1 + " " + at2);
        // y grows upwards: the line at 1 is lower on the image, by about a third of the plot's height
        double shift = mean(at1) - mean(at2);
        assertTrue(shift > 80 && shift < 200, "rows " + at1 + " (y=1) against " + at2 + " (y=2)");
    }

    @Test
    void bandChartDrawsMarkersAsVerticalLines() throws Exception {
        List<Integer> withMarker = columnsOf(image(curves()), Charts.REFERENCE, 150);
        assertFalse(withMarker.isEmpty(), "no vertical marker line");
        assertTrue(withMarker.size() <= 4, "a thin line: " + withMarker);
        // x = 5.5 on an axis from about 0 to 10: a little right of the middle of the plot
        assertTrue(mean(withMarker) > 450 && mean(withMarker) < 700, "marker at columns " + withMarker);
        List<Integer> none = columnsOf(image(flatLine(1)), Charts.REFERENCE, 150);
        assertTrue(none.isEmpty(), "no marker was asked for: " + none);
    }

    @Test
    void boxPlotDrawsTheReferenceLineAtItsHeight() throws Exception {
        BufferedImage at2 = image(boxes(2));
        assertTrue(distinctColoursInPlotArea(at2) > 50, "plot area looks blank: " + distinctColoursInPlotArea(at2));
        // dashed: about 60% of the pixels of a row spanning the plot
        List<Integer> low = rowsOf(at2, Charts.REFERENCE, 300, 600);
        List<Integer> high = rowsOf(image(boxes(8)), Charts.REFERENCE, 300, 600);
        List<Integer> none = rowsOf(image(boxes(Double.NaN)), Charts.REFERENCE, 300, 600);
        assertTrue(none.isEmpty(), "a reference line though none was asked for: " + none);
        assertFalse(low.isEmpty(), "no reference line at y=2");
        assertFalse(high.isEmpty(), "no reference line at y=8");
        double shift = mean(low) - mean(high);
        assertTrue(shift > 150, "rows " + low + " (y=2) against " + high + " (y=8)");
    }

    @Test
    void boxPlotReferenceOutsideTheDataWidensTheAxis() throws Exception {
        assertFalse(rowsOf(image(boxes(-50)), Charts.REFERENCE, 300, 600).isEmpty(), "reference line off the axis");
    }

    @Test
    void boxPlotQuartilesInterpolateLikeNumpyAndWhiskersStopAt1Point5Iqr() {
        assertEquals(2.5, BoxPlot.quantile(new double[] {1, 2, 3, 4}, 0.5), 0.0);
        assertEquals(1.75, BoxPlot.quantile(new double[] {1, 2, 3, 4}, 0.25), 0.0);
        BoxAndWhiskerItem item = BoxPlot.item(new double[] {100, 2, 1, 4, 3});
        assertEquals(2.0, item.getQ1().doubleValue(), 0.0);
        assertEquals(4.0, item.getQ3().doubleValue(), 0.0);
        assertEquals(3.0, item.getMedian().doubleValue(), 0.0);
        assertEquals(1.0, item.getMinRegularValue().doubleValue(), 0.0);
        assertEquals(4.0, item.getMaxRegularValue().doubleValue(), 0.0, "100 is beyond q3 + 1.5 IQR = 7");
        assertEquals(100.0, item.getMaxOutlier().doubleValue(), 0.0, "the axis still reaches every point");
    }

    @Test
    void overlayChartDrawsLinesAsLinesAndPointsAsPoints() throws Exception {
        BufferedImage img = image(overlay());
        assertTrue(distinctColoursInPlotArea(img) > 50, "plot area looks blank: " + distinctColoursInPlotArea(img));
        // the fit (third series) is a flat line; the support (second) only points: some pixels, no line
        assertFalse(rowsOf(img, Charts.colour(2), 300, 500).isEmpty(), "the fit's line");
        int supportPixels = 0;
        for (int y = TOP; y < BOTTOM; y++) {
            for (int x = LEFT; x < RIGHT; x++) {
                supportPixels += near(img.getRGB(x, y), Charts.colour(1), 30) ? 1 : 0;
            }
        }
        assertTrue(supportPixels > 4 * 20, "the support points: " + supportPixels);
        assertTrue(rowsOf(img, Charts.colour(1), 100, 300).isEmpty(), "points drawn as a line");
    }

    @Test
    void identicalInputsGiveByteIdenticalPngs() throws Exception {
        for (Drawing d : List.of(curves(), boxes(0), overlay())) {
            assertArrayEquals(png(d), png(d));
        }
        assertFalse(java.util.Arrays.equals(png(flatLine(1)), png(flatLine(2))), "different inputs, same PNG");
    }

    @Test
    void nanAndEmptyInputsDrawWithoutThrowing() throws Exception {
        double nan = Double.NaN;
        double[] xs = {0, 1, nan, 3, 4};
        double[] ys = {1, nan, 2, 3, Double.POSITIVE_INFINITY};
        // empty charts
        int emptyColours = distinctColoursInPlotArea(image(out -> BandChart.write(out, "", "", "", List.of(), List.of())));
        assertTrue(emptyColours < 20, "an empty chart has only its grid inside its plot area: " + emptyColours);
        image(out -> BoxPlot.write(out, "", "", List.of(), List.of(), Double.NaN));
        image(out -> BoxPlot.write(out, "", "", List.of(), List.of(), 0));
        image(out -> OverlayChart.write(out, "", "", "", List.of()));
        // empty and all-NaN series, NaN points, NaN or missing band edges, NaN marker
        image(out -> BandChart.write(out, "t", "x", "y", List.of(
                new Band("empty", new double[0], new double[0], new double[0], new double[0]),
                new Band("nan", new double[] {nan, nan}, new double[] {nan, nan}, new double[] {nan, nan}, new double[] {nan, nan}),
                new Band("holes", xs, ys, new double[] {0, 0, nan, nan, 1}, new double[] {2, nan, 3, 4, 5}),
                new Band("no band", xs, ys, null, null)),
                List.of(new Marker(nan, "nowhere"), new Marker(2, null))));
        image(out -> BandChart.write(out, "t", "x", "y", List.of(), List.of(new Marker(7, "alone"))));
        image(out -> BoxPlot.write(out, "t", "y", List.of("empty", "nan", "one", "some"),
                List.of(new double[0], new double[] {nan, nan}, new double[] {3}, new double[] {1, nan, 2, Double.NEGATIVE_INFINITY}),
                nan));
        image(out -> OverlayChart.write(out, "t", "x", "y", List.of(
                new OverlaySeries("empty", new double[0], new double[0], false),
                new OverlaySeries("holes", xs, ys, false),
                new OverlaySeries("holes", xs, ys, true))));
    }

    /** Encoders' errors near 0.02 beside a control's 0.36: only a log axis keeps the encoders apart. */
    @Test
    void bandsSpanningADecadeOfPositiveValuesGetALogAxis() throws Exception {
        double[] x = {0, 1, 2};
        Band control = new Band("control", x, constant(3, 0.36), constant(3, 0.33), constant(3, 0.39));
        Band encoder = new Band("encoder", x, new double[] {0.016, 0.018, 0.020}, constant(3, 0.014),
                constant(3, 0.022));
        org.jfree.chart.axis.ValueAxis wide = BandChart.chart("t", "x", "mse", List.of(control, encoder), List.of())
                .getXYPlot().getRangeAxis();
        assertTrue(wide instanceof org.jfree.chart.axis.LogAxis, "0.016 to 0.36 spans a decade: " + wide);
        assertEquals("mse, log scale", wide.getLabel());
        assertTrue(wide.getLowerBound() <= 0.014 && wide.getUpperBound() >= 0.39, "the bands are inside the axis");

        Band near = new Band("near", x, constant(3, 0.1), constant(3, 0.05), constant(3, 0.15));
        assertTrue(BandChart.chart("t", "x", "mse", List.of(near, encoder), List.of()).getXYPlot().getRangeAxis()
                instanceof org.jfree.chart.axis.NumberAxis, "0.016 to 0.1 is less than a decade: linear");
        Band touchesZero = new Band("zero", x, constant(3, 0.36), constant(3, 0.0), constant(3, 0.7));
        org.jfree.chart.axis.ValueAxis linear = BandChart.chart("t", "x", "mse", List.of(touchesZero, encoder),
                List.of()).getXYPlot().getRangeAxis();
        assertTrue(linear instanceof org.jfree.chart.axis.NumberAxis, "a band reaching 0 has no log: linear");
        assertEquals("mse", linear.getLabel());
        image(out -> BandChart.write(out, "t", "x", "mse", List.of(control, encoder), List.of()));

        java.text.NumberFormat ticks = new BandChart.TwoSignificantDigits();
        assertEquals("0.4", ticks.format(Math.pow(10, -0.4)));
        assertEquals("0.016", ticks.format(Math.pow(10, -1.8)));
        assertEquals("1300", ticks.format(Math.pow(10, 3.1)));
        assertEquals("0", ticks.format(0.0));
    }

    /** Ten methods and more (a table's encoders and controls): a series that repeats a colour has another line. */
    @Test
    void seriesThatShareAColourDifferInTheirLine() {
        for (int a = 0; a < 3 * Charts.PALETTE.length; a++) {
            for (int b = a + 1; b < 3 * Charts.PALETTE.length; b++) {
                assertTrue(!Charts.colour(a).equals(Charts.colour(b)) || !Charts.stroke(a).equals(Charts.stroke(b)),
                        "series " + a + " and " + b + " look the same");
            }
        }
        assertEquals(Charts.LINE, Charts.stroke(0), "the first round stays solid");
    }
}
