package io.mlgitops.compliance.fairness;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An evaluation CSV file written for a test, line by line, and the evidence built on it. */
final class EvaluationData {
    private final Path file;
    private final StringBuilder csv;

    /** A file {@code evaluation.csv} in {@code folder} with this header line. */
    EvaluationData(final Path folder, final String header) {
        this.file = folder.resolve("evaluation.csv");
        this.csv = new StringBuilder(header).append('\n');
    }

    /** Adds {@code count} copies of a CSV line. */
    EvaluationData rows(final int count, final String line) {
        csv.append((line + "\n").repeat(count));
        return this;
    }

    /** Writes the file and reads it back. */
    Dataset dataset() throws IOException, InputException {
        Files.writeString(file, csv);
        return CsvReader.read(file);
    }

    /** The data set with target {@code label}, predictions from its column {@code prediction}, these sensitive. */
    Evidence evidence(final String... sensitive) throws IOException, InputException {
        Dataset data = dataset();
        return Evidence.builder().dataset(data, "label").predictions(() -> data.column("prediction"))
                .sensitive(List.of(sensitive)).build();
    }
}
