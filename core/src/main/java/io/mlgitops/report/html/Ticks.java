package io.mlgitops.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Round axis ticks for the charts: steps of 1, 2, 2.5 or 5 times a power of ten, covering the data.
 *
 * @param first the lowest tick, at or below the data
 * @param step  the distance between ticks
 * @param count the number of ticks
 */
record Ticks(double first, double step, int count) {
    /** Ticks covering {@code low} to {@code high} in about {@code intervals} steps. */
    static Ticks covering(final double low, final double high, final int intervals) {
        double step = niceStep((high - low) / Math.max(1, intervals));
        double first = Math.floor(low / step + 1e-9) * step;
        double last = Math.ceil(high / step - 1e-9) * step;
        return new Ticks(first, step, (int) Math.round((last - first) / step) + 1);
    }

    /** Ticks symmetric around zero covering {@code -extent} to {@code extent}. */
    static Ticks symmetric(final double extent, final int intervalsPerSide) {
        double step = niceStep(extent / Math.max(1, intervalsPerSide));
        double last = Math.ceil(extent / step - 1e-9) * step;
        return new Ticks(-last, step, (int) Math.round(2 * last / step) + 1);
    }

    private static double niceStep(final double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    double tick(final int index) {
        return first + index * step;
    }

    double last() {
        return tick(count - 1);
    }

    /** A tick as short text: {@code 0.05}, {@code 100}, {@code 2.5}. */
    String label(final int index) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)) + 1);
        BigDecimal value = BigDecimal.valueOf(tick(index)).setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }
}
