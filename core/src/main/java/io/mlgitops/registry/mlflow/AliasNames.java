package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MLflow's rules for alias names, checked before a write so that a bad name is refused with its reason rather than
 * with the server's 400: letters, digits, {@code _} and {@code -} only (Unicode letters and digits count, as in
 * Python's {@code \w}); not empty; at most 255 characters; {@code latest} (any case) and {@code v<digits>} are
 * reserved for MLflow's own references.
 */
final class AliasNames {
    private static final int MAX_LENGTH = 255;
    private static final Pattern ALLOWED = Pattern.compile("[\\w-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern VERSION_LIKE = Pattern.compile("[vV]\\d+", Pattern.UNICODE_CHARACTER_CLASS);

    private AliasNames() {
    }

    static void requireValid(final String model, final String alias) throws InputException {
        String reason = problem(alias);
        if (reason != null) {
            throw new InputException(String.format("Cannot use '%s' as an alias of model '%s': %s. Pick a name such "
                    + "as champion, staging or production.", alias, model, reason));
        }
    }

    private static String problem(final String alias) {
        if (alias == null || alias.isEmpty()) {
            return "an alias name cannot be empty";
        }
        if (!ALLOWED.matcher(alias).matches()) {
            return "alias names may hold only letters, digits, underscores (_) and dashes (-)";
        }
        if (alias.codePointCount(0, alias.length()) > MAX_LENGTH) {
            return "alias names are at most " + MAX_LENGTH + " characters long";
        }
        if ("latest".equals(alias.toLowerCase(Locale.ROOT))) {
            return "MLflow reserves 'latest' (in any case) for the newest version";
        }
        if (VERSION_LIKE.matcher(alias).matches()) {
            return "MLflow reserves v<number> for version references";
        }
        return null;
    }
}
