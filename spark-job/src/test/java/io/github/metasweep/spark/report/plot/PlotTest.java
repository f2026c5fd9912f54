package io.github.metasweep.spark.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlotTest {

    @Test
    void niceScaleCoversTheRangeWithRoundSteps() {
        NiceScale s = NiceScale.of(-5088.9, -2197.5, 8);
        assertTrue(s.min() <= -5088.9 && s.max() >= -2197.5);
        assertEquals(500.0, s.step(), 0.0);
        assertEquals(-5500.0, s.min(), 0.0);
        assertEquals("-2,000", s.label(-2000));
        NiceScale small = NiceScale.of(0.41, 0.62, 6);
        assertEquals(0.05, small.step(), 1e-12);
        assertEquals("0.45", small.label(0.45));
    }

    @Test
    void lineChartDrawsTheBandAndTheMeanInTheSeriesColour() throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        Series s = new Series("nb-pro", x, new double[] {-4000, -3500, -3000, -2800, -2700}, new double[] {300, 300, 300, 300, 300});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineChart.write(out, "Transfer learning curves", "episode", "episode return", List.of(s), 2, "transfer");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(1000, img.getWidth());
        int seriesColour = Canvas.PALETTE[0].getRGB() & 0xFFFFFF;
        int coloured = 0;
        int banded = 0;
        for (int i = 0; i < img.getWidth(); i++) {
            for (int j = 0; j < img.getHeight(); j++) {
                int rgb = img.getRGB(i, j) & 0xFFFFFF;
                if (rgb == seriesColour) {
                    coloured++;
                } else if (rgb != 0xFFFFFF && Math.abs(((rgb >> 16) & 255) - 0xD6) < 12 && ((rgb & 255) > ((rgb >> 16) & 255))) {
                    banded++;
                }
            }
        }
        assertTrue(coloured > 500, "the mean line and legend swatch: " + coloured);
        assertTrue(banded > 5000, "the translucent band: " + banded);
    }

    @Test
    void boxPlotQuantilesInterpolateLikeNumpy() throws Exception {
        assertEquals(2.5, BoxPlot.quantile(new double[] {1, 2, 3, 4}, 0.5), 0.0);
        assertEquals(1.75, BoxPlot.quantile(new double[] {1, 2, 3, 4}, 0.25), 0.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BoxPlot.write(out, "Improvement over maml", "improvement (%)", List.of("nb", "nb-pro"),
                List.of(new double[] {35.8, -32.1, 73.2, 65.6, 36.6}, new double[] {16.1, 35.1, 67, 65.2, 1.9}), 0);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertNotEquals(0, img.getWidth());
    }
}
