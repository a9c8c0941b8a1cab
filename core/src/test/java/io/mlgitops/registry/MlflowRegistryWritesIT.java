package io.mlgitops.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.MlflowServerExtension;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry writes a promotion makes (aliases, version tags, legacy stages) against a real {@code mlflow server},
 * read back through the client's own reads.
 */
@ExtendWith(MlflowServerExtension.class)
class MlflowRegistryWritesIT {
    private static final String MODEL = "writes-it-churn";
    private static final String STAGED = "writes-it-staged";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MlflowServer mlflow;
    private static ModelRegistry registry;

    @BeforeAll
    static void registerModels(final MlflowServer server) throws InputException {
        mlflow = server;
        registry = ModelRegistries.mlflow(server.uri(), name -> Optional.empty(), HttpSettings.DEFAULTS);
        String model = TestEnvironment.example("churn/champion.onnx").toString();
        server.register(MODEL + "=" + model + "@champion", MODEL + "=" + model, STAGED + "=" + model,
                STAGED + "=" + model);
    }

    @Test
    void shouldMoveAnAliasToAnotherVersionAndBack() throws Exception {
        registry.setAlias(MODEL, "production", "1");
        registry.setAlias(MODEL, "production", "2");

        assertThat(registry.getVersionByAlias(MODEL, "production").version()).isEqualTo("2");
        assertThat(registry.getVersion(MODEL, "1").aliases()).contains("champion").doesNotContain("production");
        assertThat(registry.getVersion(MODEL, "2").aliases()).contains("production");

        registry.setAlias(MODEL, "production", "1");

        assertThat(registry.getVersionByAlias(MODEL, "production").version()).isEqualTo("1");
        assertThat(registry.getVersion(MODEL, "2").aliases()).doesNotContain("production");
    }

    @Test
    void shouldDeleteAnAlias() throws Exception {
        registry.setAlias(MODEL, "canary", "2");

        registry.deleteAlias(MODEL, "canary");

        assertThatThrownBy(() -> registry.getVersionByAlias(MODEL, "canary"))
                .isInstanceOf(AliasNotFoundException.class);
    }

    @Test
    void shouldAcceptUnicodeLettersLikeMlflow() throws Exception {
        registry.setAlias(MODEL, "prüfung_ü-2", "2");

        assertThat(registry.getVersionByAlias(MODEL, "prüfung_ü-2").version()).isEqualTo("2");
        registry.deleteAlias(MODEL, "prüfung_ü-2");
    }

    @Test
    void shouldSetReplaceAndDeleteVersionTags() throws Exception {
        registry.setVersionTag(MODEL, "2", "mlgitops.promoted.staging", "abc123 2026-11-28T10:00:00Z");
        registry.setVersionTag(MODEL, "2", "team", "fraud");

        assertThat(registry.getVersion(MODEL, "2").tags()).containsEntry("mlgitops.promoted.staging",
                "abc123 2026-11-28T10:00:00Z").containsEntry("team", "fraud");

        registry.setVersionTag(MODEL, "2", "mlgitops.promoted.staging", "def456 2026-11-29T10:00:00Z");
        registry.deleteVersionTag(MODEL, "2", "team");

        assertThat(registry.getVersion(MODEL, "2").tags())
                .containsEntry("mlgitops.promoted.staging", "def456 2026-11-29T10:00:00Z")
                .doesNotContainKey("team");
    }

    /** A rollback may delete what is already gone: MLflow answers such deletes with success. */
    @Test
    void shouldTreatDeletingAMissingAliasOrTagAsDone() throws Exception {
        registry.deleteAlias(MODEL, "never-set");
        registry.deleteVersionTag(MODEL, "1", "never.set");

        assertThat(registry.getVersion(MODEL, "1").tags()).doesNotContainKey("never.set");
    }

    @Test
    void shouldMoveVersionsThroughTheLegacyStages() throws Exception {
        ModelVersion first = registry.transitionStage(STAGED, "1", "Production", false);

        assertThat(first.version()).isEqualTo("1");
        assertThat(first.currentStage()).isEqualTo("Production");

        ModelVersion second = registry.transitionStage(STAGED, "2", "Production", true);

        assertThat(second.currentStage()).isEqualTo("Production");
        assertThat(registry.getVersion(STAGED, "1").currentStage()).as("archived by the second transition")
                .isEqualTo("Archived");
        assertThat(registry.getVersion(STAGED, "2").currentStage()).isEqualTo("Production");
    }

    @Test
    void shouldNameTheServersReasonForAnUnknownStage() {
        assertThatThrownBy(() -> registry.transitionStage(STAGED, "1", "Canary", false))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageStartingWith("MLflow server %s refused moving models:/%s/1 to stage 'Canary': "
                        + "INVALID_PARAMETER_VALUE: ", mlflow.uri(), STAGED)
                .hasMessageContaining("Canary");
    }

    @Test
    void shouldNameAnUnknownVersion() {
        assertThatThrownBy(() -> registry.setAlias(MODEL, "staging", "99"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("MLflow server %s refused setting alias 'staging' of model '%s' to version 99: "
                        + "RESOURCE_DOES_NOT_EXIST: Model Version (name=%s, version=99) not found. Check the model "
                        + "name (it is case-sensitive), the version and the value.", mlflow.uri(), MODEL, MODEL);
    }

    /**
     * Every name the client refuses is one the real server refuses too (so the client's rules are not stricter than
     * MLflow's), and the client refuses it without a call.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "LaTeSt", "v3", "V12", "has space", "dot.ted", "slash/x", "semi;colon"})
    void shouldRefuseTheAliasNamesMlflowRefuses(final String alias) throws Exception {
        assertThatThrownBy(() -> registry.setAlias(MODEL, alias, "1"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageStartingWith("Cannot use '%s' as an alias of model '%s': ", alias, MODEL);

        assertThat(rawSetAlias(alias)).as("the server's own answer to alias '%s'", alias).isEqualTo(400);
    }

    @Test
    void shouldRefuseAliasesLongerThanMlflowAllows() throws Exception {
        String tooLong = "a".repeat(256);

        assertThatThrownBy(() -> registry.setAlias(MODEL, tooLong, "1"))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageContaining("at most 255 characters");
        assertThat(rawSetAlias(tooLong)).isEqualTo(400);
        assertThat(rawSetAlias("a".repeat(255))).isEqualTo(200);
    }

    private static int rawSetAlias(final String alias) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", MODEL, "alias", alias, "version", "1"));
        HttpRequest request = HttpRequest.newBuilder(mlflow.uri().resolve("/api/2.0/mlflow/registered-models/alias"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
