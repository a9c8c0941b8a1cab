package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mlgitops.testing.TestEnvironment.example;

/**
 * A build workspace laid out as a data-science repository would be, filled from {@code examples/churn}: {@code data/},
 * {@code models/}, {@code predictions/}, {@code model-card.yaml}, {@code security/}.
 */
public final class ChurnWorkspace {
    private ChurnWorkspace() {
    }

    public static Path create(final Path workspace) throws IOException {
        copy("churn/test.csv", workspace.resolve("data/test.csv"));
        copy("churn/champion.onnx", workspace.resolve("models/champion.onnx"));
        copy("churn/candidate.onnx", workspace.resolve("models/candidate.onnx"));
        copy("churn/champion-onnx-predictions.csv", workspace.resolve("predictions/champion.csv"));
        copy("churn/candidate-onnx-predictions.csv", workspace.resolve("predictions/candidate.csv"));
        copy("churn/candidate-degraded-onnx-predictions.csv", workspace.resolve("predictions/degraded.csv"));
        copy("churn/model-card.yaml", workspace.resolve("model-card.yaml"));
        copy("churn/security/trivy-serving-image.json", workspace.resolve("security/trivy.json"));
        return workspace;
    }

    private static void copy(final String example, final Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(example(example), target);
    }

    /** Collects the engine's progress lines, as the build log would show them. */
    public static final class Lines implements ProgressListener {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(final String line) {
            lines.add(line);
        }

        @Override
        public void warn(final String line) {
            lines.add("warning: " + line);
        }

        public List<String> lines() {
            return lines;
        }
    }
}
