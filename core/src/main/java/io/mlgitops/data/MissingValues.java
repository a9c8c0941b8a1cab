package io.mlgitops.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Recognizes the missing-value tokens of {@link CsvOptions} in raw field bytes.
 */
final class MissingValues {
    private final boolean emptyIsMissing;
    private final byte[][] tokens;
    private final int longest;

    MissingValues(final Set<String> values) {
        this.emptyIsMissing = values.contains("");
        this.tokens = values.stream()
                .filter(value -> !value.isEmpty())
                .map(value -> value.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        this.longest = Arrays.stream(tokens).mapToInt(token -> token.length).max().orElse(0);
    }

    boolean matches(final byte[] bytes, final int start, final int length) {
        if (length == 0) {
            return emptyIsMissing;
        }
        if (length > longest) {
            return false;
        }
        for (byte[] token : tokens) {
            if (token.length == length && Arrays.equals(token, 0, length, bytes, start, start + length)) {
                return true;
            }
        }
        return false;
    }
}
