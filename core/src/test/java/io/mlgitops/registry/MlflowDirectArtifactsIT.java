package io.mlgitops.registry;

import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads from a real {@code mlflow server --no-serve-artifacts}: the artifact proxy is off, so the client lists
 * the files through the version's logged model and fetches them with {@code /model-versions/get-artifact}.
 */
class MlflowDirectArtifactsIT {
    private static MlflowServer mlflow;

    @TempDir
    private Path cache;

    @BeforeAll
    static void startServer() {
        mlflow = MlflowServer.start(MlflowServer.Mode.DIRECT_ARTIFACTS);
        mlflow.register("direct-mlp=" + TestEnvironment.example("multiclass/mlflow-mlp") + "@champion");
    }

    @AfterAll
    static void stopServer() {
        if (mlflow != null) {
            mlflow.close();
        }
    }

    @Test
    void shouldDownloadThroughTheLoggedModelWhenTheProxyIsOff() throws Exception {
        ModelRegistry registry = ModelRegistries.mlflow(mlflow.uri(), name -> Optional.empty(),
                HttpSettings.DEFAULTS);
        ModelVersion version = registry.getVersionByAlias("direct-mlp", "champion");

        Path folder = registry.download(version, cache);

        Path stored;
        try (var paths = Files.walk(mlflow.artifacts())) {
            stored = paths.filter(path -> path.getFileName().toString().equals("MLmodel")).findFirst().orElseThrow()
                    .getParent();
        }
        try (var names = Files.list(stored)) {
            for (Path file : names.toList()) {
                assertThat(folder.resolve(file.getFileName().toString())).hasSameBinaryContentAs(file);
            }
        }
        try (var names = Files.list(folder)) {
            assertThat(names.map(path -> path.getFileName().toString())).anyMatch(name -> name.endsWith(".data"))
                    .hasSize(6);
        }
    }
}
