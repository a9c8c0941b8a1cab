package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reports in a build's {@code mlgitops} folder on the controller, read on each request (nothing cached). */
public final class ReportFolder implements ReportSource {
    private final Path folder;

    public ReportFolder(final Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** Reads a report file of this folder; a name that leads out of it is refused. */
    @Override
    public String read(final String file) throws IOException {
        Path path = folder.resolve(file).normalize();
        if (!folder.equals(path.getParent())) {
            throw new IOException("Not a report file of " + folder + ": " + file);
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IOException("Cannot read the report " + path + ": " + e, e);
        }
    }

    /** Reads a report file that the engine has just written and summarises it. */
    public ReportSummary summarise(final String file) throws IOException {
        return ReportSummaries.of(file, ReportSummaries.tree(read(file)));
    }
}
