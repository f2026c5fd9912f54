package io.github.metasweep.spark.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The charts are decoded and looked at: size, content, where a series lands, determinism, odd inputs. */
class PlotTest {
    private static final int SERIES = Charts.colour(0).getRGB() & 0xffffff;

    private interface Draw {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] png(Draw d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.to(out);
        return out.toByteArray();
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The mean row (top = 0) of the pixels drawn exactly in the first series' colour. */
    private static double rowOfSeriesColour(BufferedImage img) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(img.getRGB(x, y), SERIES)) {
                    sum += y;
                    n++;
                }
            }
        }
        assertTrue(n > 100, "the series is drawn (" + n + " pixels)");
        return (double) sum / n;
    }

    /** Within 40 per channel: anti-aliasing blends a line's edge pixels with the background. */
    private static boolean near(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((argb >> shift & 0xff) - (rgb >> shift & 0xff)) > 40) {
                return false;
            }
        }
        return true;
    }

    private static Band line(String label, double level) {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {level, level, level, level, level};
        return new Band(label, x, y, y, y);
    }

    @Test
    void aBandChartIsAPngOfTheStatedSizeWithTheSeriesWhereItsValuesSay() throws IOException {
        Band anchor = line("anchor", 0); // the same axes for both: a second series from 0 to 3
        anchor = new Band("anchor", anchor.x(), new double[] {0, 3, 0, 3, 0}, new double[] {0, 3, 0, 3, 0},
                new double[] {0, 3, 0, 3, 0});
        List<Band> low = List.of(line("at 1", 1), anchor);
        List<Band> high = List.of(line("at 2", 2), anchor);
        BufferedImage a = image(png(o -> BandChart.write(o, "t", "x", "y", low, List.of(new Marker(2.5, "m")))));
        BufferedImage b = image(png(o -> BandChart.write(o, "t", "x", "y", high, List.of())));
        assertEquals(Charts.WIDTH, a.getWidth());
        assertEquals(Charts.HEIGHT, a.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                colours.add(a.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "not blank: " + colours.size() + " colours");
        assertTrue(rowOfSeriesColour(b) < rowOfSeriesColour(a) - 20, "the line at 2 is drawn above the line at 1");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        List<Band> bands = List.of(new Band("a", new double[] {1, 2, 3}, new double[] {1, 2, 1},
                new double[] {0.5, 1.5, 0.5}, new double[] {1.5, 2.5, 1.5}));
        assertArrayEquals(png(o -> BandChart.write(o, "t", "x", "y", bands, List.of())),
                png(o -> BandChart.write(o, "t", "x", "y", bands, List.of())));
        List<double[]> values = List.of(new double[] {1, 2, 3, 10}, new double[] {-1, 0, 1});
        assertArrayEquals(png(o -> BoxPlot.write(o, "t", "y", List.of("a", "b"), values, 0)),
                png(o -> BoxPlot.write(o, "t", "y", List.of("a", "b"), values, 0)));
    }

    @Test
    void aBoxPlotDrawsItsDashedReferenceLine() throws IOException {
        List<double[]> values = List.of(new double[] {5, 6, 7, 8}, new double[] {-5, -6, -4});
        BufferedImage with = image(png(o -> BoxPlot.write(o, "t", "y", List.of("a", "b"), values, 0.0)));
        BufferedImage without = image(png(o -> BoxPlot.write(o, "t", "y", List.of("a", "b"), values, Double.NaN)));
        int reference = Charts.REFERENCE.getRGB() & 0xffffff;
        assertTrue(widestRun(with, reference) > Charts.WIDTH / 4, "a long dashed row of the reference colour: "
                + widestRun(with, reference));
        assertTrue(widestRun(without, reference) < Charts.WIDTH / 4, "none without a reference: "
                + widestRun(without, reference));
    }

    /** Pixels of {@code rgb} on the row that has most of them. */
    private static int widestRun(BufferedImage img, int rgb) {
        int best = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                n += near(img.getRGB(x, y), rgb) ? 1 : 0;
            }
            best = Math.max(best, n);
        }
        return best;
    }

    @Test
    void emptyAndNotANumberInputsDrawWithoutThrowing() throws IOException {
        double nan = Double.NaN;
        assertEquals(Charts.WIDTH, image(png(o -> BandChart.write(o, "t", "x", "y", List.of(), List.of()))).getWidth());
        image(png(o -> BandChart.write(o, "t", "x", "y", List.of(new Band("n", new double[] {1, 2},
                new double[] {nan, 1}, new double[] {nan, 1}, new double[] {nan, 1})), List.of())));
        image(png(o -> BoxPlot.write(o, "t", "y", List.of("empty", "nan"), List.of(new double[0],
                new double[] {nan, 1}), nan)));
        image(png(o -> OverlayChart.write(o, "t", "x", "y", List.of())));
        BufferedImage overlay = image(png(o -> OverlayChart.write(o, "t", "x", "y", List.of(
                new OverlaySeries("true", new double[] {0, 1, 2}, new double[] {0, 1, 0}, false),
                new OverlaySeries("support", new double[] {0.5, 1.5}, new double[] {nan, 0.5}, true)))));
        rowOfSeriesColour(overlay);
    }
}
