package io.github.metasweep.spark.report.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;

/**
 * One box per group (quartiles, whiskers to the furthest values within 1.5 IQR) with every value drawn as a
 * point over it, and a dashed horizontal reference line (NaN: none).
 */
public final class BoxPlot {
    private BoxPlot() {
    }

    public static void write(OutputStream out, String title, String yLabel, List<String> groups,
                             List<double[]> values, double reference) throws IOException {
        DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultMultiValueCategoryDataset points = new DefaultMultiValueCategoryDataset();
        for (int g = 0; g < groups.size(); g++) {
            List<Double> finite = new ArrayList<>();
            for (double v : values.get(g)) {
                if (Double.isFinite(v)) {
                    finite.add(v);
                }
            }
            String group = groups.get(g);
            if (!finite.isEmpty()) {
                boxes.add(finite, "per-seed values", group);
            }
            points.add(finite, "each seed", group);
        }
        CategoryAxis x = new CategoryAxis("");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        BoxAndWhiskerRenderer box = new BoxAndWhiskerRenderer();
        box.setSeriesPaint(0, new Color(0, 114, 178, 90));
        box.setMeanVisible(false); // the points show the values; JFreeChart's mean marker covers them
        box.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(boxes, x, y, box);
        ScatterRenderer dots = new ScatterRenderer();
        dots.setSeriesPaint(0, new Color(213, 94, 0));
        dots.setUseSeriesOffset(false);
        plot.setDataset(1, points);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        if (Double.isFinite(reference)) {
            plot.addRangeMarker(Charts.dashed(reference, null));
        }
        Charts.write(out, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }
}
