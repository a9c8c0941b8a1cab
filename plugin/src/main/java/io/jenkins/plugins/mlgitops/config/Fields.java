package io.jenkins.plugins.mlgitops.config;

/** How the configuration keeps text fields: trimmed, and {@code null} when blank, so a cleared field is unset. */
final class Fields {
    private Fields() {
    }

    static String trimmed(final String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
