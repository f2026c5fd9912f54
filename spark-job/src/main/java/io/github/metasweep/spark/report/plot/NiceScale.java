package io.github.metasweep.spark.report.plot;

import java.util.ArrayList;
import java.util.List;

/** An axis range widened to round numbers, with tick positions at steps of 1, 2 or 5 times a power of ten. */
public record NiceScale(double min, double max, double step) {

    /** About {@code ticks} ticks covering [lo, hi]; a flat range is widened by one unit either way. */
    public static NiceScale of(double lo, double hi, int ticks) {
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double raw = (hi - lo) / Math.max(1, ticks - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        double step = nice * magnitude;
        return new NiceScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        for (double v = min; v <= max + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return t;
    }

    /** A tick label with as many decimals as the step needs. */
    public String label(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", v);
    }
}
