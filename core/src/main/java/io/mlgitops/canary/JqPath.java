package io.mlgitops.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the plain paths among jq expressions, as Argo CD's {@code jqPathExpressions} hold them: {@code .a.b},
 * {@code ."a/b"}, {@code [0]}, {@code []}, {@code []?} and {@code ["a/b"]} steps, nothing else.
 */
final class JqPath {
    /** The step of {@code []}: any index of an array. */
    static final String ANY_INDEX = "*";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final List<String> steps = new ArrayList<>();
    private int at;

    private JqPath(final String text) {
        this.text = text;
    }

    /** The steps of a plain path, with {@link #ANY_INDEX} for an iteration; empty for any other expression. */
    static Optional<List<String>> steps(final String expression) {
        JqPath path = new JqPath(expression.strip());
        return path.text.startsWith(".") && path.parse() ? Optional.of(path.steps) : Optional.empty();
    }

    private boolean parse() {
        while (at < text.length()) {
            char next = text.charAt(at);
            boolean read = next == '.' ? field() : next == '[' && bracket();
            if (!read) {
                return false;
            }
        }
        return true;
    }

    /** {@code .name}, {@code ."name"}, or a lone {@code .} before a bracket or at the end. */
    private boolean field() {
        at++;
        if (at >= text.length() || text.charAt(at) == '[') {
            return true;
        }
        if (text.charAt(at) == '"') {
            int end = text.indexOf('"', at + 1);
            return end >= 0 && step(text.substring(at + 1, end), end + 1);
        }
        int end = at;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
            end++;
        }
        return IDENTIFIER.matcher(text.substring(at, end)).matches() && step(text.substring(at, end), end);
    }

    /** {@code []}, {@code [3]} or {@code ["name"]}, each optionally followed by {@code ?}. */
    private boolean bracket() {
        int end = text.indexOf(']', at);
        if (end < 0) {
            return false;
        }
        String inside = text.substring(at + 1, end).strip();
        int after = end + 1 < text.length() && text.charAt(end + 1) == '?' ? end + 2 : end + 1;
        if (inside.isEmpty()) {
            return step(ANY_INDEX, after);
        }
        if (inside.chars().allMatch(Character::isDigit)) {
            return step(inside, after);
        }
        boolean quoted = inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\"");
        return quoted && step(inside.substring(1, inside.length() - 1), after);
    }

    /** Takes a step and moves on; refuses names with escapes, which plain paths do not need. */
    private boolean step(final String name, final int next) {
        if (name.contains("\\")) {
            return false;
        }
        steps.add(name);
        at = next;
        return true;
    }
}
