package io.mlgitops.gitops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A commit's author, message and trailers ({@code ML-Model: churn}, {@code Promotion-Id: ...}), which git writes as
 * the last paragraph of the message.
 *
 * @param text        subject line and optional body
 * @param trailers    trailer keys and values, in order
 * @param authorName  the author's name
 * @param authorEmail the author's e-mail address
 */
public record CommitMessage(String text, Map<String, String> trailers, String authorName, String authorEmail) {
    public CommitMessage {
        Objects.requireNonNull(text, "text");
        trailers = Collections.unmodifiableMap(new LinkedHashMap<>(trailers));
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
    }

    /** The full message: text, a blank line, then one {@code Key: value} line per trailer. */
    public String fullMessage() {
        StringBuilder message = new StringBuilder(text.strip());
        if (!trailers.isEmpty()) {
            message.append("\n\n");
            trailers.forEach((key, value) -> message.append(key).append(": ").append(value).append('\n'));
        }
        else {
            message.append('\n');
        }
        return message.toString();
    }
}
