package io.mlgitops.cli;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.data.CsvOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a command reads its CSV data and runs models: threads, CSV delimiter, registry model cache. */
final class ModelRunOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Inference threads; 0 lets the runtime decide (default).")
    private int threads;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field delimiter (default: '${DEFAULT-VALUE}'); 'tab' for tabs.")
    private String delimiter;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where registry models are downloaded (default: ~/.cache/mlgitops/models).")
    private Path cacheDir;

    int threads() {
        return threads;
    }

    CsvOptions csvOptions() throws InvalidSettingsException {
        return CsvOptions.defaults().withDelimiter(CliArguments.delimiter(delimiter));
    }

    /** The folder given, or {@code null} for the default. */
    Path cacheDir() {
        return cacheDir;
    }
}
