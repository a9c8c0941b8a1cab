package io.mlgitops.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page's style sheet, {@code report.css} beside this class, inlined into every page. */
final class Styles {
    private static final String CSS = load();

    private Styles() {
    }

    static String css() {
        return CSS;
    }

    private static String load() {
        try (InputStream css = Styles.class.getResourceAsStream("report.css")) {
            if (css == null) {
                throw new IllegalStateException("report.css is missing beside " + Styles.class.getName()
                        + ": the jar is incomplete");
            }
            String text = new String(css.readAllBytes(), StandardCharsets.UTF_8);
            if (text.contains("<") || text.contains("&")) {
                throw new IllegalStateException("report.css must not contain '<' or '&' (it is inlined)");
            }
            return text;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read report.css: " + e.getMessage(), e);
        }
    }
}
