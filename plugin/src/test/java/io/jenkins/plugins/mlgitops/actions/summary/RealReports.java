package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The reports the command line wrote for core's HTML tests (core's test jar), as test input. */
public final class RealReports {
    private RealReports() {
    }

    /** The text of a report: {@code benchmark.json}, {@code canary-promoted.json}, ... */
    public static String text(final String resource) {
        try (InputStream in = RealReports.class.getResourceAsStream("/io/mlgitops/report/html/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("No report " + resource + " in core's test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test report " + resource, e);
        }
    }
}
