package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.AliasNotFoundException;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelVersion;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a real MLflow server will not do on demand: fail, refuse credentials, send malicious artifact listings.
 */
class MlflowRegistryTest {
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(1), Duration.ofMillis(2));
    private static final String VERSION_JSON = "{\"model_version\": {\"name\": \"churn\", \"version\": \"3\", "
            + "\"source\": \"mlflow-artifacts:/0/models/m-1/artifacts\", \"run_id\": \"r1\", \"status\": \"READY\", "
            + "\"aliases\": [\"champion\"], \"tags\": [{\"key\": \"team\", \"value\": \"ds\"}], "
            + "\"creation_timestamp\": 1717000000000, \"deployment_job_state\": {\"state\": \"x\"}}}";
    private static final String DOWNLOAD_URI = "{\"artifact_uri\": \"mlflow-artifacts:/0/models/m-1/artifacts\"}";
    private static final String LIST = "/api/2.0/mlflow-artifacts/artifacts";

    private final LocalHttpServer server = LocalHttpServer.start();

    @TempDir
    private Path cache;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MlflowRegistry registry(final Map<String, String> secrets) throws InputException {
        SecretSource source = name -> Optional.ofNullable(secrets.get(name));
        return MlflowRegistry.create(server.uri(""), source,
                new HttpExecutor(FAST, ModelRegistries.UNREACHABLE_HINT, wait -> { }, new SplittableRandom(1)));
    }

    private static ModelVersion version() {
        return new ModelVersion("churn", "3", "mlflow-artifacts:/0/models/m-1/artifacts", "r1", "READY", List.of(),
                Map.of(), 0);
    }

    @Test
    void shouldReadVersionIgnoringUnknownFieldsAndRetryingServerErrors() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/api/2.0/mlflow/model-versions/get", request -> calls.incrementAndGet() == 1
                ? Response.json(503, "{\"error_code\": \"TEMPORARILY_UNAVAILABLE\", \"message\": \"busy\"}")
                : Response.json(200, VERSION_JSON));

        ModelVersion version = registry(Map.of()).getVersion("churn", "3");

        assertThat(version).isEqualTo(new ModelVersion("churn", "3", "mlflow-artifacts:/0/models/m-1/artifacts",
                "r1", "READY", List.of("champion"), Map.of("team", "ds"), 1717000000000L));
        assertThat(server.requests()).hasSize(2)
                .allSatisfy(request -> assertThat(request.pathAndQuery())
                        .isEqualTo("/api/2.0/mlflow/model-versions/get?name=churn&version=3")
                        .as("parameters in the query string"));
    }

    @Test
    void shouldTurnMissingAliasIntoAliasNotFound() throws InputException {
        server.on("/api/2.0/mlflow/registered-models/alias", request -> Response.json(400, "{\"error_code\": "
                + "\"INVALID_PARAMETER_VALUE\", \"message\": \"Registered model alias champion not found.\"}"));

        assertThatThrownBy(() -> registry(Map.of()).getVersionByAlias("churn", "champion"))
                .isInstanceOfSatisfying(AliasNotFoundException.class, missing -> {
                    assertThat(missing.model()).isEqualTo("churn");
                    assertThat(missing.alias()).isEqualTo("champion");
                })
                .hasMessageContaining("Model 'churn' has no alias 'champion' on MLflow server " + server.uri(""));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldNameTheVariablesOfRefusedCredentialsButNeverTheirValues() throws InputException {
        server.on("/api/2.0/mlflow/registered-models/alias", request -> new Response(401,
                "You are not authenticated. Please see documentation for details.",
                Map.of("WWW-Authenticate", "Basic realm=\"mlflow\"")));
        MlflowRegistry registry = registry(Map.of("MLFLOW_TRACKING_USERNAME", "alice",
                "MLFLOW_TRACKING_PASSWORD", "wrong-pw"));

        assertThatThrownBy(() -> registry.getVersionByAlias("churn", "champion"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rejected HTTP Basic credentials from MLFLOW_TRACKING_USERNAME/"
                        + "MLFLOW_TRACKING_PASSWORD (HTTP 401)")
                .hasMessageNotContainingAny("alice", "wrong-pw");
        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic YWxpY2U6d3JvbmctcHc=");
    }

    @Test
    void shouldSendTheBearerTokenWhenNoUserIsSet() throws Exception {
        server.on("/api/2.0/mlflow/model-versions/get", request -> Response.json(200, VERSION_JSON));

        registry(Map.of("MLFLOW_TRACKING_TOKEN", "tok")).getVersion("churn", "3");

        assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer tok");
    }

    @Test
    void shouldRefuseTrackingUrisWithCredentialsOrOtherSchemes() {
        HttpExecutor executor = new HttpExecutor(FAST, ModelRegistries.UNREACHABLE_HINT);

        assertThatThrownBy(() -> MlflowRegistry.create(URI.create("http://bob:pw@127.0.0.1:5000"), name ->
                Optional.empty(), executor))
                .isInstanceOf(InputException.class)
                .hasMessage("The MLflow tracking URI http://127.0.0.1:5000 carries credentials. Remove them from the "
                        + "URL and set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD instead.");
        assertThatThrownBy(() -> MlflowRegistry.create(URI.create("file:///tmp/mlruns"), name -> Optional.empty(),
                executor))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("The MLflow tracking URI 'file:///tmp/mlruns' is not an http(s) URL.");
    }

    @Test
    void shouldRejectArtifactPathsThatLeaveTheModelFolder() throws IOException {
        serveDownloadUri();
        server.on(LIST + "/", request -> Response.text(200, "ok"))
                .on(LIST, request -> Response.json(200, "{\"files\": [{\"path\": \"MLmodel\", \"is_dir\": false, "
                        + "\"file_size\": 2}, {\"path\": \"../../evil.sh\", \"is_dir\": false, \"file_size\": 4}]}"));

        assertThatThrownBy(() -> registry(Map.of()).download(version(), cache))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Refusing the file name '../../evil.sh' sent by the artifact proxy of "
                        + server.uri(""));
        assertThat(listFiles(cache)).as("nothing but the model's folder").containsExactly(cache.resolve("churn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "..", ".", "sub\\\\..\\\\x", "a/../../b", "C:evil", ""})
    void shouldRejectFolderEntriesThatAreNotPlainNames(final String name) throws IOException {
        serveDownloadUri();
        server.on(LIST, request -> Response.json(200, "{\"files\": [{\"path\": \"" + name
                + "\", \"is_dir\": true}]}"));

        assertThatThrownBy(() -> registry(Map.of()).download(version(), cache))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("it is not a plain file name inside the model folder");
        assertThat(listFiles(cache)).as("nothing but the model's folder").containsExactly(cache.resolve("churn"));
    }

    @Test
    void shouldRejectAFileShorterThanItsListedSizeAndLeaveNoPartialFolder() throws IOException {
        serveDownloadUri();
        server.on(LIST + "/", request -> Response.text(200, "short"))
                .on(LIST, request -> Response.json(200, "{\"files\": [{\"path\": \"model.onnx\", \"is_dir\": false, "
                        + "\"file_size\": 10}]}"));

        assertThatThrownBy(() -> registry(Map.of()).download(version(), cache))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("The download of 'model.onnx' from the artifact proxy of " + server.uri("")
                        + " (mlflow-artifacts:/0/models/m-1/artifacts) has 5 bytes, but the listing says 10.");
        assertThat(listFiles(cache)).as("nothing but the model's folder").containsExactly(cache.resolve("churn"));
    }

    @Test
    void shouldDownloadThroughTheRunWhenTheFilesAreNeitherProxiedNorALoggedModel() throws Exception {
        ModelVersion legacy = new ModelVersion("churn", "2", "runs:/r9/model", "r9", "READY", List.of(), Map.of(), 0);
        server.on("/api/2.0/mlflow/model-versions/get-download-uri", request -> Response.json(200,
                        "{\"artifact_uri\": \"s3://bucket/1/r9/artifacts/model\"}"))
                .on("/api/2.0/mlflow/artifacts/list", request -> Response.json(200,
                        switch (request.pathAndQuery().replaceFirst(".*\\?", "")) {
                            case "run_id=r9" -> "{\"root_uri\": \"s3://bucket/1/r9/artifacts\"}";
                            case "run_id=r9&path=model" -> "{\"root_uri\": \"s3://bucket/1/r9/artifacts\", "
                                    + "\"files\": [{\"path\": \"model/MLmodel\", \"is_dir\": false, \"file_size\": 5}, "
                                    + "{\"path\": \"model/data\", \"is_dir\": true}]}";
                            case "run_id=r9&path=model%2Fdata" -> "{\"files\": [{\"path\": \"model/data/w.bin\", "
                                    + "\"is_dir\": false, \"file_size\": 3}]}";
                            default -> "{}";
                        }))
                .on("/model-versions/get-artifact", request -> Response.text(200,
                        request.pathAndQuery().endsWith("path=MLmodel") ? "flav:" : "abc"));

        Path folder = registry(Map.of()).download(legacy, cache);

        assertThat(folder.resolve("MLmodel")).hasContent("flav:");
        assertThat(folder.resolve("data/w.bin")).hasContent("abc");
        assertThat(server.requests()).extracting(LocalHttpServer.Request::pathAndQuery)
                .contains("/model-versions/get-artifact?name=churn&version=2&path=data%2Fw.bin");
    }

    @Test
    void shouldRefuseToDownloadAVersionThatIsNotReady() {
        ModelVersion pending = new ModelVersion("churn", "4", "models:/m-2", "", "PENDING_REGISTRATION", List.of(),
                Map.of(), 0);

        assertThatThrownBy(() -> registry(Map.of()).download(pending, cache))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("models:/churn/4 is PENDING_REGISTRATION, not READY");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void shouldKeepModelNamesInsideTheCache() {
        assertThat(SafePaths.folderName("churn-model_v2.1")).isEqualTo("churn-model_v2.1");
        assertThat(SafePaths.folderName("../team/model")).isEqualTo("..%2Fteam%2Fmodel");
        assertThat(SafePaths.folderName("..")).isEqualTo("%2E%2E");
        assertThat(SafePaths.folderName("modèle")).isEqualTo("mod%C3%A8le");
    }

    private void serveDownloadUri() {
        server.on("/api/2.0/mlflow/model-versions/get-download-uri", request -> Response.json(200, DOWNLOAD_URI));
    }

    private static List<Path> listFiles(final Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> !path.equals(folder)).toList();
        }
    }
}
