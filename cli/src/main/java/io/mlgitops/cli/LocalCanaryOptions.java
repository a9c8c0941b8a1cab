package io.mlgitops.cli;

import io.mlgitops.api.CanaryRouting;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.canary.Faults;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The local router: in-process model servers and replayed traffic. */
final class LocalCanaryOptions {
    @Option(names = "--stable", paramLabel = "REF", description = "Local router: the stable model (onnx:, models:/, "
            + "predictions: are not served).")
    private String stable;

    @Option(names = "--traffic", paramLabel = "CSV", description = "Local router: labelled rows replayed as requests.")
    private Path traffic;

    @Option(names = "--target-column", paramLabel = "COL", description = "Local router: the label column of --traffic.")
    private String targetColumn;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Local router: the feature "
            + "columns fed to the models, in order (default: every column but --target-column).")
    private List<String> features = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "RPS", defaultValue = "50",
            description = "Local router: requests per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = "canary-state.json",
            description = "Local router: the rollout's durable state (default: ${DEFAULT-VALUE}).")
    private Path stateFile;

    @Option(names = "--inject-latency", paramLabel = "DURATION",
            description = "Local router: extra latency of the candidate, to try a bad canary.")
    private String injectLatency;

    @Option(names = "--inject-error-rate", paramLabel = "FRACTION", defaultValue = "0",
            description = "Local router: share of the candidate's requests that fail with HTTP 500.")
    private double injectErrorRate;

    CanaryRouting.Local routing(final String candidate) throws InvalidSettingsException {
        if (stable == null || traffic == null) {
            throw new InvalidSettingsException("--router local needs --stable REF, --candidate REF and "
                    + "--traffic CSV (with --target-column for online accuracy).");
        }
        try {
            Duration latency = injectLatency == null ? Duration.ZERO
                    : PromoteSubcommand.duration(injectLatency, "--inject-latency");
            return new CanaryRouting.Local(stable, candidate, traffic, targetColumn, features, rate, stateFile,
                    new Faults(latency, injectErrorRate));
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }
}
