package io.mlgitops.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelVersion;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire form of registry writes and what a real server will not do on demand (fail, then succeed).
 */
class MlflowRegistryWritesTest {
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(1), Duration.ofMillis(2));
    private static final String ALIAS = "/api/2.0/mlflow/registered-models/alias";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MlflowRegistry registry() throws InputException {
        return MlflowRegistry.create(server.uri(""), name -> Optional.of("secret-token").filter(
                value -> "MLFLOW_TRACKING_TOKEN".equals(name)),
                new HttpExecutor(FAST, ModelRegistries.UNREACHABLE_HINT, wait -> { }, new SplittableRandom(1)));
    }

    private static JsonNode json(final String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void shouldSendWritesAsJsonBodiesEvenForDelete() throws Exception {
        server.on(ALIAS, request -> Response.json(200, "{}"));

        registry().setAlias("churn", "staging", "3");
        registry().deleteAlias("churn", "staging");

        assertThat(server.requests()).extracting(LocalHttpServer.Request::method).containsExactly("POST", "DELETE");
        assertThat(json(server.requests().get(0).body()))
                .isEqualTo(json("{\"name\": \"churn\", \"alias\": \"staging\", \"version\": \"3\"}"));
        assertThat(json(server.requests().get(1).body()))
                .isEqualTo(json("{\"name\": \"churn\", \"alias\": \"staging\"}"));
        assertThat(server.requests()).allSatisfy(request -> {
            assertThat(request.pathAndQuery()).isEqualTo(ALIAS);
            assertThat(request.authorization()).isEqualTo("Bearer secret-token");
        });
    }

    @Test
    void shouldSendTagWritesToTheirEndpoints() throws Exception {
        server.on("/api/2.0/mlflow/model-versions/", request -> Response.json(200, "{}"));

        registry().setVersionTag("churn", "3", "mlgitops.promoted.prod", "abc 2026-11-28T10:00:00Z");
        registry().deleteVersionTag("churn", "3", "mlgitops.promoted.prod");

        assertThat(server.requests()).extracting(request -> request.method() + " " + request.pathAndQuery())
                .containsExactly("POST /api/2.0/mlflow/model-versions/set-tag",
                        "DELETE /api/2.0/mlflow/model-versions/delete-tag");
        assertThat(json(server.requests().get(0).body())).isEqualTo(json("{\"name\": \"churn\", \"version\": \"3\", "
                + "\"key\": \"mlgitops.promoted.prod\", \"value\": \"abc 2026-11-28T10:00:00Z\"}"));
        assertThat(json(server.requests().get(1).body())).isEqualTo(json("{\"name\": \"churn\", \"version\": \"3\", "
                + "\"key\": \"mlgitops.promoted.prod\"}"));
    }

    @Test
    void shouldAlwaysSendArchiveExistingVersionsAndReturnTheMovedVersion() throws Exception {
        server.on("/api/2.0/mlflow/model-versions/transition-stage", request -> Response.json(200,
                "{\"model_version\": {\"name\": \"churn\", \"version\": \"3\", \"current_stage\": \"Staging\"}}"));

        ModelVersion moved = registry().transitionStage("churn", "3", "Staging", false);

        assertThat(moved.currentStage()).isEqualTo("Staging");
        assertThat(json(server.requests().get(0).body())).isEqualTo(json("{\"name\": \"churn\", \"version\": \"3\", "
                + "\"stage\": \"Staging\", \"archive_existing_versions\": false}"));
    }

    @Test
    void shouldRetryAWriteTheServerCouldNotTakeButNotOneItRefused() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on(ALIAS, request -> calls.incrementAndGet() == 1
                ? Response.json(503, "{\"error_code\": \"TEMPORARILY_UNAVAILABLE\", \"message\": \"busy\"}")
                : Response.json(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"bad version\"}"));

        assertThatThrownBy(() -> registry().setAlias("churn", "staging", "x"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("MLflow server %s refused setting alias 'staging' of model 'churn' to version x: "
                        + "INVALID_PARAMETER_VALUE: bad version. Check the model name (it is case-sensitive), the "
                        + "version and the value.", server.uri(""));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void shouldRefuseAnInvalidAliasWithoutCallingTheServer() throws InputException {
        MlflowRegistry registry = registry();

        assertThatThrownBy(() -> registry.setAlias("churn", "v2", "2"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Cannot use 'v2' as an alias of model 'churn': MLflow reserves v<number> for version "
                        + "references. Pick a name such as champion, staging or production.");
        assertThatThrownBy(() -> registry.deleteAlias("churn", "Latest"))
                .hasMessageContaining("MLflow reserves 'latest' (in any case) for the newest version");
        assertThatThrownBy(() -> registry.setAlias("churn", "prod.eu", "2"))
                .hasMessageContaining("alias names may hold only letters, digits, underscores (_) and dashes (-)");
        assertThatThrownBy(() -> registry.setAlias("churn", "", "2"))
                .hasMessageContaining("an alias name cannot be empty");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void shouldNameThePermissionADeleteNeedsWithoutTheToken() {
        server.on(ALIAS, request -> Response.json(403, "{\"error_code\": \"PERMISSION_DENIED\", \"message\": "
                + "\"Permission denied\"}"));

        assertThatThrownBy(() -> registry().deleteAlias("churn", "staging"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("MLflow server %s%s refused access (HTTP 403) with the bearer token from "
                        + "MLFLOW_TRACKING_TOKEN: that user lacks MANAGE permission on registered model 'churn'. Ask "
                        + "an administrator to grant it, or set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD "
                        + "(HTTP Basic) or MLFLOW_TRACKING_TOKEN (bearer token) for a user that has it.",
                        server.uri(""), ALIAS)
                .hasMessageNotContaining("secret-token");
        assertThat(server.requests()).as("not retried").hasSize(1);
    }
}
