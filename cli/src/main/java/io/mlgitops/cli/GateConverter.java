package io.mlgitops.cli;

import io.mlgitops.benchmark.Gate;
import picocli.CommandLine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code NAME:threshold=..,minAbsoluteChange=..,minRelativeChange=..,greaterIsBetter=..,
 * requireSignificance=..}.
 */
final class GateConverter implements CommandLine.ITypeConverter<Gate> {
    private static final Map<String, String> KEYS = Map.of("threshold", "threshold",
            "minabsolutechange", "minAbsoluteChange", "minrelativechange", "minRelativeChange",
            "greaterisbetter", "greaterIsBetter", "requiresignificance", "requireSignificance");

    @Override
    public Gate convert(final String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new CommandLine.TypeConversionException("'" + spec + "' is not a gate; write "
                    + "NAME:minAbsoluteChange=0.01 (keys: threshold, minAbsoluteChange, minRelativeChange, "
                    + "greaterIsBetter, requireSignificance)");
        }
        String metric = spec.substring(0, colon).trim();
        Map<String, String> values = new HashMap<>();
        for (String pair : spec.substring(colon + 1).split(",")) {
            String[] keyValue = pair.split("=", 2);
            String key = keyValue[0].trim().toLowerCase(Locale.ROOT);
            if (keyValue.length != 2 || !KEYS.containsKey(key)) {
                throw new CommandLine.TypeConversionException("Gate '" + spec + "': '" + pair.trim()
                        + "' is not KEY=VALUE with KEY one of threshold, minAbsoluteChange, minRelativeChange, "
                        + "greaterIsBetter, requireSignificance");
            }
            values.put(key, keyValue[1].trim());
        }
        try {
            return new Gate(metric, number(values, "threshold", spec), number(values, "minabsolutechange", spec),
                    number(values, "minrelativechange", spec), bool(values, "greaterisbetter", spec),
                    Boolean.TRUE.equals(bool(values, "requiresignificance", spec)));
        }
        catch (IllegalArgumentException invalid) {
            throw new CommandLine.TypeConversionException(invalid.getMessage());
        }
    }

    private static Double number(final Map<String, String> values, final String key, final String spec) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        }
        catch (NumberFormatException notANumber) {
            throw new CommandLine.TypeConversionException("Gate '" + spec + "': " + KEYS.get(key)
                    + " must be a number, got '"
                    + value + "'");
        }
    }

    private static Boolean bool(final Map<String, String> values, final String key, final String spec) {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw new CommandLine.TypeConversionException("Gate '" + spec + "': " + KEYS.get(key)
                    + " must be true or false, "
                    + "got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
