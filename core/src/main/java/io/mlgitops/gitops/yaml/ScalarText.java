package io.mlgitops.gitops.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a value as YAML scalar text. A plain scalar stays plain only when the new value is safe unquoted and reads
 * as the same type under YAML 1.1 rules (those of go-yaml v2, which Kubernetes, kustomize and Helm use): {@code 3}
 * may become {@code 4}, but {@code v1} becomes {@code "2"}, and a new tag {@code 1.0}, {@code true} or {@code 010}
 * is written {@code "1.0"}. Quoted scalars keep their quotes; a single-quoted one whose new value has line breaks or
 * control characters becomes double-quoted.
 */
final class ScalarText {
    private static final Resolver RESOLVER = new Resolver();
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String FLOW_INDICATORS = ",[]{}";

    private ScalarText() {
    }

    /** The text for a value written where a scalar of this style was (block styles excepted). */
    static String inStyleOf(final YamlNode.Scalar old, final String value) {
        switch (old.style()) {
            case '\'':
                return canBeSingleQuoted(value) ? singleQuoted(value) : doubleQuoted(value);
            case '"':
                return doubleQuoted(value);
            default:
                if (old.tag() == null && resolve(old.value()) == Tag.NULL) {
                    return forNewValue(value, old.inFlow());
                }
                boolean sameType = old.tag() != null || resolve(value).equals(resolve(old.value()));
                return sameType && isPlainSafe(value, old.inFlow()) ? value : doubleQuoted(value);
        }
    }

    /** The text for a string value in a new key: plain when that reads back as the same string, else double-quoted. */
    static String forNewValue(final String value, final boolean inFlow) {
        return isPlainSafe(value, inFlow) && resolve(value) == Tag.STR ? value : doubleQuoted(value);
    }

    static String doubleQuoted(final String value) {
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(codePoint -> appendEscaped(codePoint, text));
        return text.append('"').toString();
    }

    private static void appendEscaped(final int codePoint, final StringBuilder text) {
        switch (codePoint) {
            case '"' -> text.append("\\\"");
            case '\\' -> text.append("\\\\");
            case '\n' -> text.append("\\n");
            case '\t' -> text.append("\\t");
            case '\r' -> text.append("\\r");
            case 0x85 -> text.append("\\N");
            case 0x2028 -> text.append("\\L");
            case 0x2029 -> text.append("\\P");
            default -> {
                if (codePoint >= 0x20 && codePoint != 0x7f && codePoint != 0xFEFF
                        && StreamReader.isPrintable(codePoint)) {
                    text.appendCodePoint(codePoint);
                }
                else if (codePoint <= 0xff) {
                    text.append(String.format("\\x%02X", codePoint));
                }
                else if (codePoint <= 0xffff) {
                    text.append(String.format("\\u%04X", codePoint));
                }
                else {
                    text.append(String.format("\\U%08X", codePoint));
                }
            }
        }
    }

    static String singleQuoted(final String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Whether the value, written unquoted, is read back as exactly this text (its type aside). */
    static boolean isPlainSafe(final String value, final boolean inFlow) {
        if (value.isEmpty() || !isPrintableOnOneLine(value)) {
            return false;
        }
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (Character.isWhitespace(first) || Character.isWhitespace(last) || last == ':') {
            return false;
        }
        if (INDICATORS.indexOf(first) >= 0 && !startsSafely(value, inFlow)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || inFlow && FLOW_INDICATORS.indexOf(c) >= 0) {
                return false;
            }
            char next = i + 1 < value.length() ? value.charAt(i + 1) : ' ';
            if (c == ':' && (next == ' ' || inFlow && FLOW_INDICATORS.indexOf(next) >= 0)
                    || c == ' ' && next == '#') {
                return false;
            }
        }
        return true;
    }

    /** {@code -}, {@code ?} and {@code :} may start a plain scalar when a non-space follows ({@code -1}, {@code :x}). */
    private static boolean startsSafely(final String value, final boolean inFlow) {
        char first = value.charAt(0);
        if (first != '-' && first != '?' && first != ':' || value.length() < 2) {
            return false;
        }
        char second = value.charAt(1);
        return second != ' ' && !(inFlow && FLOW_INDICATORS.indexOf(second) >= 0)
                && !(first == '-' && value.startsWith("---"));
    }

    private static boolean canBeSingleQuoted(final String value) {
        return isPrintableOnOneLine(value);
    }

    /** Printable, and without the characters YAML 1.1 reads as line breaks or a byte order mark. */
    private static boolean isPrintableOnOneLine(final String value) {
        return StreamReader.isPrintable(value) && value.chars().noneMatch(
                c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF);
    }

    private static Tag resolve(final String value) {
        return RESOLVER.resolve(NodeId.scalar, value, true);
    }
}
