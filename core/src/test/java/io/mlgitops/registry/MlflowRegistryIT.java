package io.mlgitops.registry;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.MlflowServerExtension;
import io.mlgitops.testing.PythonProcess;
import io.mlgitops.testing.RegisteredVersion;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MLflow registry client against a real {@code mlflow server} (MLflow 3, artifact proxy on).
 */
@ExtendWith(MlflowServerExtension.class)
class MlflowRegistryIT {
    private static final String CHURN = "registry-it-churn";
    private static final String MLP = "registry-it-mlp";

    private static MlflowServer mlflow;
    private static ModelRegistry registry;
    private static List<RegisteredVersion> registered;

    @TempDir
    private Path cache;

    @BeforeAll
    static void registerModels(final MlflowServer server) throws InputException {
        mlflow = server;
        registry = ModelRegistries.mlflow(server.uri(), name -> Optional.empty(), HttpSettings.DEFAULTS);
        registered = server.register(
                CHURN + "=" + TestEnvironment.example("churn/mlflow-candidate") + "@champion",
                CHURN + "=" + TestEnvironment.example("churn/champion.onnx") + "@challenger,staging",
                MLP + "=" + TestEnvironment.example("multiclass/mlflow-mlp") + "@champion");
    }

    @Test
    void shouldResolveVersionsAndAliases() throws Exception {
        ModelVersion first = registry.getVersion(CHURN, "1");
        ModelVersion challenger = registry.getVersionByAlias(CHURN, "challenger");

        assertThat(first.name()).isEqualTo(CHURN);
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.source()).isEqualTo(registered.get(0).source()).startsWith("models:/m-");
        assertThat(first.status()).isEqualTo("READY");
        assertThat(first.runId()).isNotEmpty();
        assertThat(first.aliases()).containsExactly("champion");
        assertThat(first.creationTimestamp()).isPositive();
        assertThat(challenger.version()).isEqualTo("2");
        assertThat(challenger.aliases()).containsExactlyInAnyOrder("challenger", "staging");
        assertThat(registry.getVersionByAlias(CHURN, "champion")).isEqualTo(first);
    }

    @Test
    void shouldReportAMissingAliasAsAliasNotFound() {
        assertThatThrownBy(() -> registry.getVersionByAlias(CHURN, "production"))
                .isInstanceOfSatisfying(AliasNotFoundException.class, missing -> {
                    assertThat(missing.model()).isEqualTo(CHURN);
                    assertThat(missing.alias()).isEqualTo("production");
                })
                .hasMessage("Model '%s' has no alias 'production' on MLflow server %s: no version carries it yet. Set "
                        + "it in the MLflow UI or with MlflowClient.set_registered_model_alias.", CHURN, mlflow.uri());
    }

    @Test
    void shouldNameAnUnknownModelAndServer() {
        String expected = String.format("MLflow server %s has no registered model 'registry-it-nope' "
                + "(RESOURCE_DOES_NOT_EXIST: Registered Model with name=registry-it-nope not found). Check the name "
                + "(it is case-sensitive) and the server (--mlflow-url or MLFLOW_TRACKING_URI).", mlflow.uri());

        assertThatThrownBy(() -> registry.getVersionByAlias("registry-it-nope", "champion"))
                .isExactlyInstanceOf(InputException.class).hasMessage(expected);
        assertThatThrownBy(() -> registry.getVersion("registry-it-nope", "1"))
                .isExactlyInstanceOf(InputException.class).hasMessage(expected);
    }

    @Test
    void shouldNameAnUnknownVersion() {
        assertThatThrownBy(() -> registry.getVersion(CHURN, "99"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Model '%s' has no version '99' on MLflow server %s (RESOURCE_DOES_NOT_EXIST: Model "
                        + "Version (name=%s, version=99) not found). Check the version number in the MLflow UI.",
                        CHURN, mlflow.uri(), CHURN);
    }

    @Test
    void shouldDownloadTheWholeModelFolderWithItsExternalData() throws Exception {
        ModelVersion mlp = registry.getVersionByAlias(MLP, "champion");

        Path folder = registry.download(mlp, cache);

        assertThat(folder).isEqualTo(cache.resolve(MLP).resolve("1"));
        Map<String, byte[]> downloaded = files(folder);
        assertThat(downloaded.keySet()).contains("MLmodel", "model.onnx", "conda.yaml", "python_env.yaml",
                "requirements.txt").anyMatch(name -> name.endsWith(".data"));
        assertThat(downloaded).containsExactlyInAnyOrderEntriesOf(files(storedFolder(mlp)));
        String model = folder.resolve("model.onnx").toString();
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model)) {
            assertThat(session.getInputNames()).containsExactly("input");
        }
    }

    @Test
    void shouldReuseACompleteDownloadAndRepairAnIncompleteOne() throws Exception {
        ModelVersion churn = registry.getVersion(CHURN, "1");
        Path folder = registry.download(churn, cache);
        Path model = folder.resolve("model.onnx");
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(model, written);

        assertThat(registry.download(churn, cache)).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(model)).as("not downloaded again").isEqualTo(written);

        Files.delete(folder.resolve("MLmodel"));
        assertThat(registry.download(churn, cache)).isEqualTo(folder);
        assertThat(files(folder)).containsExactlyInAnyOrderEntriesOf(files(storedFolder(churn)));
        assertThat(Files.getLastModifiedTime(model)).as("downloaded again").isNotEqualTo(written);
        assertThat(Files.list(folder.getParent()).map(path -> path.getFileName().toString()))
                .containsExactlyInAnyOrder("1", ".1.complete.json");
    }

    @Test
    void shouldExplainAnUnreachableServer() throws InputException {
        URI nowhere = URI.create("http://127.0.0.1:" + PythonProcess.freePort());
        ModelRegistry offline = ModelRegistries.mlflow(nowhere, name -> Optional.empty(),
                HttpSettings.DEFAULTS.withMaxAttempts(1));

        assertThatThrownBy(() -> offline.getVersionByAlias(CHURN, "champion"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Cannot reach %s/api/2.0/mlflow/registered-models/alias (connection refused; 1 attempt). "
                        + "Is the server running? Check --mlflow-url or MLFLOW_TRACKING_URI.", nowhere);
    }

    /** Where the server keeps the files of a version logged as an MLflow 3 logged model. */
    private static Path storedFolder(final ModelVersion version) throws IOException {
        String modelId = version.source().substring("models:/".length());
        try (Stream<Path> paths = Files.walk(mlflow.artifacts())) {
            return paths.filter(path -> path.getFileName().toString().equals(modelId)).findFirst().orElseThrow()
                    .resolve("artifacts");
        }
    }

    private static Map<String, byte[]> files(final Path folder) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return contents;
    }
}
