package io.mlgitops.canary.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits a command-line check spec, {@code NAME:key=value,key=value}, into its name and values. Commas inside
 * brackets, braces, parentheses or quotes belong to the value, so PromQL such as {@code sum(rate(x{a="b",c="d"}[1m]))}
 * can be a value; the value is everything after the first {@code =} of its pair.
 *
 * @param name   the check name
 * @param values the values by key as written
 */
public record SpecText(String name, Map<String, String> values) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /**
     * @throws IllegalArgumentException with the reason only; the caller adds the spec and the accepted forms
     */
    public static SpecText parse(final String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("it needs NAME: before the settings");
        }
        String name = checkName(spec.substring(0, colon).trim());
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : splitTopLevel(spec.substring(colon + 1))) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not KEY=VALUE");
            }
            String key = pair.substring(0, equals).trim();
            String previous = values.put(key, pair.substring(equals + 1).trim());
            if (previous != null) {
                throw new IllegalArgumentException(key + " is given twice");
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("it has no settings after NAME:");
        }
        return new SpecText(name, values);
    }

    /** The name, checked: letters, digits, '.', '_' and '-'. */
    public static String checkName(final String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the check name '" + name + "' must be letters, digits, '.', '_' or "
                    + "'-'");
        }
        return name;
    }

    private static List<String> splitTopLevel(final String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                }
                else if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            }
            else if (c == '(' || c == '[' || c == '{') {
                depth++;
            }
            else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                parts.add(part(text, start, i));
                start = i + 1;
            }
        }
        if (start < text.length() || !parts.isEmpty()) {
            parts.add(part(text, start, text.length()));
        }
        return parts;
    }

    private static String part(final String text, final int start, final int end) {
        String part = text.substring(start, end);
        if (part.isBlank()) {
            throw new IllegalArgumentException("it has an empty setting between commas");
        }
        return part;
    }
}
