package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.benchmark.GateMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workspace paths, model references, choices and the secrets taken from the build's environment. */
class ParametersTest {
    private static final Path WORKSPACE = Path.of("/agent/workspace/churn");

    @Test
    void shouldResolveFilesAndFileModelReferencesAgainstTheWorkspace() {
        assertThat(WorkspacePaths.file(WORKSPACE, "data/test.csv")).isEqualTo(WORKSPACE.resolve("data/test.csv"));
        assertThat(WorkspacePaths.file(WORKSPACE, " ./data/../test.csv ")).isEqualTo(WORKSPACE.resolve("test.csv"));
        assertThat(WorkspacePaths.file(WORKSPACE, "/data/shared/test.csv")).isEqualTo(Path.of("/data/shared/test.csv"));
        assertThat(WorkspacePaths.file(WORKSPACE, " ")).isNull();
        assertThat(WorkspacePaths.modelReference(WORKSPACE, "onnx:models/m.onnx"))
                .isEqualTo("onnx:" + WORKSPACE.resolve("models/m.onnx"));
        assertThat(WorkspacePaths.modelReference(WORKSPACE, "predictions:p.csv"))
                .isEqualTo("predictions:" + WORKSPACE.resolve("p.csv"));
        assertThat(WorkspacePaths.modelReference(WORKSPACE, "models:/churn@champion"))
                .isEqualTo("models:/churn@champion");
        assertThat(WorkspacePaths.modelReference(WORKSPACE, "http:https://serving/v2/models/churn"))
                .isEqualTo("http:https://serving/v2/models/churn");
        assertThat(WorkspacePaths.modelReference(WORKSPACE, null)).isNull();
    }

    @Test
    void shouldParseChoicesInAnyCaseAndNameTheParameterOtherwise() throws Exception {
        assertThat(Choices.choice("gateMode", "Any", GateMode.class, GateMode.ALL)).isEqualTo(GateMode.ANY);
        assertThat(Choices.choice("gateMode", "", GateMode.class, GateMode.ALL)).isEqualTo(GateMode.ALL);
        assertThatThrownBy(() -> Choices.choice("gateMode", "every", GateMode.class, GateMode.ALL))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("gateMode must be one of any, all; got 'every'");
        assertThat(Choices.delimiter(null)).isEqualTo(',');
        assertThat(Choices.delimiter("tab")).isEqualTo('\t');
        assertThat(Choices.delimiter(";")).isEqualTo(';');
        assertThatThrownBy(() -> Choices.delimiter("\"")).hasMessageStartingWith("delimiter must be one character");
        assertThat(Choices.url("mlflowUrl", "https://mlflow.example.com")).isEqualTo(
                URI.create("https://mlflow.example.com"));
        assertThat(Choices.url("mlflowUrl", null)).isNull();
    }

    @Test
    void shouldTakeTheEngineSecretsFromTheBuildAndNeverPrintThem() throws Exception {
        BuildSecrets secrets = BuildSecrets.from(Map.of("MLFLOW_TRACKING_TOKEN", "s3cr3t-token",
                "MLFLOW_TRACKING_URI", "https://mlflow.example.com", "AWS_SECRET_ACCESS_KEY", "other", "PATH", "/bin"));

        assertThat(secrets.secret("MLFLOW_TRACKING_TOKEN")).contains("s3cr3t-token");
        assertThat(secrets.secret("MLFLOW_TRACKING_URI")).contains("https://mlflow.example.com");
        assertThat(secrets.secret("AWS_SECRET_ACCESS_KEY")).isEmpty();
        assertThat(secrets.toString()).isEqualTo("BuildSecrets[MLFLOW_TRACKING_TOKEN, MLFLOW_TRACKING_URI]");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(secrets);
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("AWS_SECRET_ACCESS_KEY", "other");
    }
}
