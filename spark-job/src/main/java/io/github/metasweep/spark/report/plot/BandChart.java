package io.github.metasweep.spark.report.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Lines with shaded bands (e.g. mean +- sd over seeds) and labelled vertical markers, as a 1000x600 PNG. */
public final class BandChart {
    /** Lines whose largest mean is this many times their smallest share a log y-axis, so the small ones stay apart. */
    static final double LOG_SCALE_SPAN = 10;

    private BandChart() {
    }

    /**
     * Lines with shaded bands, one colour per band, legend below; markers as dashed vertical lines. The y-axis is
     * logarithmic (and labelled so) when every drawn value is positive and the means span {@link #LOG_SCALE_SPAN}
     * or more, e.g. encoders' errors near 0.02 beside a control's 0.36.
     */
    public static void write(OutputStream out, String title, String xLabel, String yLabel, List<Band> bands,
                             List<Marker> markers) throws IOException {
        Charts.writePng(chart(title, xLabel, yLabel, bands, markers), out);
    }

    static JFreeChart chart(String title, String xLabel, String yLabel, List<Band> bands, List<Marker> markers) {
        Charts.headless();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Set<String> keys = Charts.keys();
        for (Band b : bands == null ? List.<Band>of() : bands) {
            YIntervalSeries s = new YIntervalSeries(Charts.uniqueKey(b.label(), keys), false, true);
            int n = b.x() == null || b.centre() == null ? 0 : Math.min(b.x().length, b.centre().length);
            for (int i = 0; i < n; i++) {
                double x = b.x()[i];
                double c = b.centre()[i];
                if (!Double.isFinite(x) || !Double.isFinite(c)) {
                    continue;
                }
                double lo = Charts.at(b.low(), i);
                double hi = Charts.at(b.high(), i);
                lo = Double.isFinite(lo) ? Math.min(lo, c) : c;
                hi = Double.isFinite(hi) ? Math.max(hi, c) : c;
                s.add(x, c, lo, hi);
            }
            data.addSeries(s);
        }
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        ValueAxis yAxis = logScale(data) ? logAxis(yLabel + ", log scale") : linearAxis(yLabel);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, plot);
        Charts.style(chart);
        renderer.setAlpha(0.2f);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            renderer.setSeriesPaint(k, Charts.colour(k));
            renderer.setSeriesFillPaint(k, Charts.colour(k));
            renderer.setSeriesStroke(k, Charts.stroke(k));
        }
        for (Marker m : markers == null ? List.<Marker>of() : markers) {
            if (!Double.isFinite(m.x())) {
                continue;
            }
            ValueMarker line = new ValueMarker(m.x(), Charts.REFERENCE, Charts.DASHED);
            if (m.label() != null && !m.label().isEmpty()) {
                line.setLabel(m.label());
                line.setLabelFont(plot.getDomainAxis().getTickLabelFont());
                line.setLabelPaint(Charts.REFERENCE);
                line.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                line.setLabelOffset(new RectangleInsets(6, 4, 6, 4));
            }
            plot.addDomainMarker(line);
            Charts.include(xAxis, m.x());
        }
        return chart;
    }

    private static NumberAxis linearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        // ticks fall at 10^(k/10): 0.398107 read as 0.4, in plain decimals like the linear axis's
        axis.setNumberFormatOverride(new TwoSignificantDigits());
        return axis;
    }

    /** 0.398107 as 0.4, 0.0158489 as 0.016, 1258.93 as 1300. */
    static final class TwoSignificantDigits extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            if (!Double.isFinite(v) || v == 0) {
                return to.append(v == 0 ? "0" : String.valueOf(v));
            }
            return to.append(new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros()
                    .toPlainString());
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }

    /** Every band edge and mean positive and the means spanning {@link #LOG_SCALE_SPAN} or more. */
    static boolean logScale(YIntervalSeriesCollection data) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                if (data.getStartYValue(s, i) <= 0) {
                    return false;
                }
                smallest = Math.min(smallest, data.getYValue(s, i));
                largest = Math.max(largest, data.getYValue(s, i));
            }
        }
        return largest >= LOG_SCALE_SPAN * smallest;
    }
}
