package io.mlgitops.api;

import io.mlgitops.api.errors.InvalidSettingsException;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit author.
 *
 * @param name  the name
 * @param email the e-mail address
 */
public record Author(String name, String email) {
    private static final Pattern NAME_AND_EMAIL = Pattern.compile("\\s*(.+?)\\s*<([^<>\\s]+)>\\s*");

    public Author {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /** {@code Name <email>}, as git writes it. */
    public static Author parse(final String text) throws InvalidSettingsException {
        Matcher matcher = NAME_AND_EMAIL.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidSettingsException("--author must be 'Name <email>', got '" + text + "'");
        }
        return new Author(matcher.group(1), matcher.group(2));
    }

    /** {@code GIT_AUTHOR_NAME} and {@code GIT_AUTHOR_EMAIL}, else {@code mlgitops <mlgitops@localhost>}. */
    public static Author fromEnvironment() {
        String name = System.getenv("GIT_AUTHOR_NAME");
        String email = System.getenv("GIT_AUTHOR_EMAIL");
        return new Author(name == null || name.isBlank() ? "mlgitops" : name,
                email == null || email.isBlank() ? "mlgitops@localhost" : email);
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
