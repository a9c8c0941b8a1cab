package io.mlgitops.canary;

import java.util.Locale;

/** When a webhook is called. */
public enum WebhookType {
    /** Before any traffic moves; must answer 2xx for the rollout to start (e.g. a load test). */
    PRE_ROLLOUT,
    /** At every step. */
    ROLLOUT,
    /** After the candidate took all traffic. */
    POST_ROLLOUT,
    /** After a rollback. */
    ROLLBACK;

    /** The name used in options and payloads: {@code pre-rollout}, {@code rollout}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException listing the known types */
    public static WebhookType parse(final String text) {
        for (WebhookType type : values()) {
            if (type.id().equalsIgnoreCase(text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown webhook type '" + text + "': use pre-rollout, rollout, "
                + "post-rollout or rollback");
    }
}
