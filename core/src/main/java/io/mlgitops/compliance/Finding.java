package io.mlgitops.compliance;

import java.util.Objects;

/**
 * One violation of a rule: a vulnerable package, a denied column, a dangerous import, a group below the bound.
 *
 * @param key     what a waiver's {@code match} names to waive this finding (a CVE id, a column, an import, a group)
 * @param message the violation in words, with the numbers behind it
 */
public record Finding(String key, String message) {
    public Finding {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }
}
