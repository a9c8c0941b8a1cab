package io.jenkins.plugins.mlgitops.config.settings;

import java.net.URI;
import java.util.Locale;

/** The rule every configured server URL follows: http(s) with a host, no credentials inside. */
final class Urls {
    private Urls() {
    }

    /**
     * @param what    the server, as the first message names it ("the tracking server's URL")
     * @param example a URL to copy
     */
    static Validation check(final String what, final String example, final String url) {
        if (url == null || url.isBlank()) {
            return Validation.error("Give " + what + ", e.g. " + example);
        }
        try {
            URI parsed = URI.create(url.trim());
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
                return Validation.error("Not an http(s) URL with a host: " + url.trim());
            }
            if (parsed.getUserInfo() != null) {
                return Validation.error("Do not put credentials into the URL; they would be shown and logged. "
                        + "Choose them as credentialsId.");
            }
            return scheme.equals("http") ? Validation.warning("Plain http: tokens and passwords travel unencrypted.")
                    : Validation.ok();
        }
        catch (IllegalArgumentException malformed) {
            return Validation.error("Not a URL: " + malformed.getMessage());
        }
    }

    /** Whether two URLs name the same server: equal but for surrounding blanks and a trailing slash. */
    static boolean same(final String first, final String second) {
        return first != null && second != null && normal(first).equals(normal(second));
    }

    private static String normal(final String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
