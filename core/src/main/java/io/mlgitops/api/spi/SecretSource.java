package io.mlgitops.api.spi;

import java.util.Optional;

/**
 * Looks up secrets (tokens, passwords) by name. The CLI reads environment variables; Jenkins resolves credentials.
 * Values returned here must never be logged or written to a report.
 */
@FunctionalInterface
public interface SecretSource {
    /** Secrets from the process environment. */
    SecretSource ENVIRONMENT = name -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isEmpty());

    Optional<String> secret(String name);
}
