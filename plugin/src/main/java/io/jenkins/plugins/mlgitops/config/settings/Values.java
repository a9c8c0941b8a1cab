package io.jenkins.plugins.mlgitops.config.settings;

/** How settings are normalised: blank text means "not given". */
final class Values {
    private Values() {
    }

    /** The value, trimmed, when given; else the fallback, trimmed, when given; else {@code null}. */
    static String given(final String value, final String fallback) {
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        return fallback == null || fallback.isBlank() ? null : fallback.trim();
    }
}
