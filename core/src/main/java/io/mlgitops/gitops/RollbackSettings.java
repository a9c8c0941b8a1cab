package io.mlgitops.gitops;

import java.util.Objects;

/**
 * What a rollback does.
 *
 * @param source          which promotion to undo
 * @param branch          the branch (for {@link RollbackSource.Previous}; a record names its own)
 * @param reason          why, recorded in the {@code mlgitops.rejected} tag and the commit
 * @param messageTemplate the commit subject template
 * @param authorName      the commit author's name
 * @param authorEmail     the commit author's e-mail
 * @param buildUrl        the {@code Build-Url} trailer, or {@code null}
 */
public record RollbackSettings(RollbackSource source, String branch, String reason, String messageTemplate,
        String authorName, String authorEmail, String buildUrl) {
    public static final String DEFAULT_MESSAGE = "Roll back {{model}} {{version}} in {{environment}}";
    public static final String DEFAULT_REASON = "rolled back by mlgitops";

    public RollbackSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(messageTemplate, "messageTemplate");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
    }
}
