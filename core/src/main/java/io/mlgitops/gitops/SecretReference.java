package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret is kept: a variable of a {@link SecretSource} (the environment, or Jenkins credentials) or a file,
 * never the value itself, so that secrets never pass through command lines. Only {@link #describe()} appears in
 * messages.
 *
 * @param variable the name of the variable, or {@code null} for a file
 * @param file     the file holding the secret (trailing line breaks are ignored), or {@code null} for a variable
 */
public record SecretReference(String variable, Path file) {
    public SecretReference {
        if ((variable == null) == (file == null)) {
            throw new IllegalArgumentException("a secret is read from either a variable or a file");
        }
        if (variable != null && variable.isBlank()) {
            throw new IllegalArgumentException("blank variable name");
        }
    }

    public static SecretReference variable(final String name) {
        return new SecretReference(Objects.requireNonNull(name, "name"), null);
    }

    public static SecretReference file(final Path path) {
        return new SecretReference(null, Objects.requireNonNull(path, "path"));
    }

    /**
     * The secret's value.
     *
     * @throws InputException when the variable is unset or empty, or the file is missing, unreadable or empty
     */
    public String resolve(final SecretSource secrets) throws InputException {
        if (variable != null) {
            return secrets.secret(variable).orElseThrow(() -> new InputException(
                    "The variable " + variable + " is not set or empty: set it to the secret, or name another."));
        }
        String value;
        try {
            value = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
        }
        catch (IOException cannotRead) {
            throw new InputException("Cannot read the secret file " + file + " (" + cannotRead.getClass()
                    .getSimpleName() + "): check the path and its permissions.", cannotRead);
        }
        if (value.isEmpty()) {
            throw new InputException("The secret file " + file + " is empty: write the secret into it.");
        }
        return value;
    }

    /** {@code the variable NAME} or {@code the file PATH}, for messages. */
    public String describe() {
        return variable != null ? "the variable " + variable : "the file " + file;
    }
}
