package io.mlgitops.compliance.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a column name or deny term, lower-cased: split at every character that is neither a letter nor a
 * digit ({@code _ - .} and spaces), where a lower-case letter is followed by a capital ({@code customerAge}), where
 * an acronym ends ({@code HTTPStatus}: {@code http}, {@code status}), and between letters and digits
 * ({@code age2}).
 */
final class NameTokens {
    private NameTokens() {
    }

    static List<String> of(final String name) {
        int[] characters = name.codePoints().toArray();
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < characters.length; i++) {
            int character = characters[i];
            boolean separator = !Character.isLetterOrDigit(character);
            if (!token.isEmpty() && (separator || startsWord(characters, i))) {
                tokens.add(token.toString().toLowerCase(Locale.ROOT));
                token.setLength(0);
            }
            if (!separator) {
                token.appendCodePoint(character);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tokens);
    }

    /** Whether the letter or digit at {@code i}, preceded by a letter or digit, begins a new word. */
    private static boolean startsWord(final int[] characters, final int i) {
        int previous = characters[i - 1];
        int current = characters[i];
        if (Character.isDigit(previous) != Character.isDigit(current)) {
            return true;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(current)) {
            return true;
        }
        boolean nextIsLower = i + 1 < characters.length && Character.isLowerCase(characters[i + 1]);
        return Character.isUpperCase(previous) && Character.isUpperCase(current) && nextIsLower;
    }
}
