package io.mlgitops.compliance.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An allowed import as a policy writes it: {@code module.name} for one class or function, or {@code module.*} for
 * every top-level name of a module and its submodules. A wildcard never matches a dotted name such as
 * {@code Outer.attribute}, which reaches through an object to whatever it holds.
 */
final class ImportPattern {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*\\.([A-Za-z_]\\w*|\\*)");
    private static final String WILDCARD = ".*";

    private final String text;

    private ImportPattern(final String text) {
        this.text = text;
    }

    /** The pattern, or empty when {@code text} is not {@code module.name} or {@code module.*}. */
    static Optional<ImportPattern> parse(final String text) {
        return SYNTAX.matcher(text).matches() ? Optional.of(new ImportPattern(text)) : Optional.empty();
    }

    boolean matches(final String module, final String name) {
        if (!text.endsWith(WILDCARD)) {
            return text.equals(module + "." + name);
        }
        String prefix = text.substring(0, text.length() - WILDCARD.length());
        return name.indexOf('.') < 0 && (module.equals(prefix) || module.startsWith(prefix + "."));
    }

    @Override
    public String toString() {
        return text;
    }
}
