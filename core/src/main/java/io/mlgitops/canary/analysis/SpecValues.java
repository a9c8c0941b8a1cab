package io.mlgitops.canary.analysis;

import io.mlgitops.canary.Comparison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of one check spec, from the command line or a YAML file, read by key without regard to case and
 * converted with messages that name the key. Every message is the reason only; the caller adds the spec and the
 * accepted forms.
 */
public final class SpecValues {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final String prefix;

    /**
     * @param raw  the settings; values are strings, numbers, booleans or (for sections) maps
     * @param keys the accepted keys, as documented
     * @throws IllegalArgumentException on an unknown key or a key given twice
     */
    public SpecValues(final Map<String, ?> raw, final List<String> keys) {
        this(raw, keys, "");
    }

    private SpecValues(final Map<String, ?> raw, final List<String> keys, final String prefix) {
        this.prefix = prefix;
        Map<String, String> canonical = new LinkedHashMap<>();
        keys.forEach(key -> canonical.put(key.toLowerCase(Locale.ROOT), key));
        raw.forEach((key, value) -> {
            String known = canonical.get(String.valueOf(key).toLowerCase(Locale.ROOT));
            if (known == null) {
                throw new IllegalArgumentException("unknown setting '" + prefix + key + "'; the settings are "
                        + String.join(", ", keys));
            }
            if (values.put(known, value) != null) {
                throw new IllegalArgumentException(prefix + known + " is given twice");
            }
        });
    }

    public boolean has(final String key) {
        return values.get(key) != null;
    }

    /** The nested settings under {@code key}, or {@code null} when absent. */
    public SpecValues section(final String key, final List<String> keys) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(prefix + key + " must be a map of " + String.join(", ", keys));
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        map.forEach((nestedKey, nestedValue) -> nested.put(String.valueOf(nestedKey), nestedValue));
        return new SpecValues(nested, keys, prefix + key + ".");
    }

    /** The text of {@code key}, or {@code null}. */
    public String text(final String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException(prefix + key + " must be a single value");
        }
        String text = String.valueOf(value).trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(prefix + key + " is empty");
        }
        return text;
    }

    /** A finite number, or {@code null}. */
    public Double number(final String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number)) {
                return number;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(prefix + key + " must be a number, got '" + text + "'");
    }

    /** A relative change written as a fraction ({@code 0.1}) or in percent ({@code 10%}), or {@code null}. */
    public Double fraction(final String key) {
        String text = text(key);
        if (text == null || !text.endsWith("%")) {
            return number(key);
        }
        try {
            double percent = Double.parseDouble(text.substring(0, text.length() - 1).trim());
            if (Double.isFinite(percent)) {
                return percent / 100;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(prefix + key + " must be a fraction such as 0.1 or a percentage such as "
                + "10%, got '" + text + "'");
    }

    /** A whole number of 0 or more, or {@code null}. */
    public Integer count(final String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            int count = Integer.parseInt(text);
            if (count >= 0) {
                return count;
            }
        }
        catch (NumberFormatException notACount) {
            // reported below
        }
        throw new IllegalArgumentException(prefix + key + " must be a whole number of 0 or more, got '" + text + "'");
    }

    /** {@code true} or {@code false}; {@code false} when absent. */
    public boolean flag(final String key) {
        String text = text(key);
        if (text == null || "false".equalsIgnoreCase(text)) {
            return false;
        }
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        throw new IllegalArgumentException(prefix + key + " must be true or false, got '" + text + "'");
    }

    /** {@code increase}, {@code decrease} or {@code either}, or {@code null}. */
    public Comparison.Direction direction(final String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        for (Comparison.Direction direction : Comparison.Direction.values()) {
            if (direction.label().equalsIgnoreCase(text)) {
                return direction;
            }
        }
        throw new IllegalArgumentException(prefix + key + " must be increase, decrease or either, got '" + text
                + "'");
    }
}
