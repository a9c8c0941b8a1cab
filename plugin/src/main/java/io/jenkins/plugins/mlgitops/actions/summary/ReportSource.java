package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.IOException;

/** Where the full reports of a build are read from, only when a page asks for them. */
@FunctionalInterface
public interface ReportSource {
    /**
     * Reads a report as written.
     *
     * @param file the report's file name, one that a summary of the build names
     * @throws IOException when the file is missing or is not JSON
     */
    String read(String file) throws IOException;
}
