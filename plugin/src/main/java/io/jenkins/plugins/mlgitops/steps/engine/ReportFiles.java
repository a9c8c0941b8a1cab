package io.jenkins.plugins.mlgitops.steps.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the reports of a build in its folder on the controller: {@code mlgitops/benchmark.json}, then
 * {@code benchmark-2.json}, ... when a Pipeline runs a step more than once (also in parallel branches: a name is
 * claimed atomically).
 */
public final class ReportFiles {
    /** The folder of the reports inside a build's folder. */
    public static final String FOLDER = "mlgitops";

    private ReportFiles() {
    }

    /** Writes the report under the first free name for its kind and returns that file. */
    public static Path write(final Path buildFolder, final String kind, final String json) throws IOException {
        Path folder = Files.createDirectories(buildFolder.resolve(FOLDER));
        for (int number = 1; ; number++) {
            Path file = folder.resolve(number == 1 ? kind + ".json" : kind + "-" + number + ".json");
            try {
                Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return file;
            }
            catch (FileAlreadyExistsException taken) {
                // the next number
            }
        }
    }
}
