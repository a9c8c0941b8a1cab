package io.jenkins.plugins.mlgitops.steps.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code check(...)} or {@code compare(...)} block of {@code mlCanary} written in the command line's grammar
 * ({@code --check NAME:min=99,critical=true}, {@code --compare NAME:direction=decrease,maxDecrease=0.02}), so that
 * the engine's own parser ({@code CheckSpecs}) reads it and the step accepts exactly what the command line does.
 */
public final class CanaryCheckSpec {
    private final String name;
    private final List<String> entries = new ArrayList<>();

    private CanaryCheckSpec(final String name) {
        this.name = name == null ? "" : name.trim();
    }

    public static CanaryCheckSpec named(final String name) {
        return new CanaryCheckSpec(name);
    }

    /** Adds {@code key=value} unless the value is {@code null} or blank. */
    public CanaryCheckSpec with(final String key, final Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return this;
        }
        String text = value instanceof Double number && number == Math.rint(number) && !number.isInfinite()
                ? String.valueOf(number.longValue()) : String.valueOf(value).trim();
        entries.add(key + "=" + text);
        return this;
    }

    /** {@code critical=true} when set; nothing otherwise. */
    public CanaryCheckSpec flag(final String key, final boolean value) {
        return value ? with(key, "true") : this;
    }

    /** The direction, lower case as the grammar wants it. */
    public CanaryCheckSpec direction(final String value) {
        return with("direction", value == null ? null : value.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code NAME:key=value,...} */
    public String text() {
        return name + ":" + String.join(",", entries);
    }
}
