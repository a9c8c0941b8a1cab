package io.jenkins.plugins.mlgitops.steps.engine;

import io.jenkins.plugins.mlgitops.adapters.ConsoleLogProgress;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured server's credential reaches the engine for one call, and neither it nor a kubeconfig ever reaches
 * the build log or the report kept with the build, even when the engine quotes them.
 */
class ServiceCredentialsRunTest {
    private static final String PASSWORD = "mlflow-p@ss\"word";
    private static final String TOKEN = "prom-token-4711";

    @TempDir
    private Path folder;

    @Test
    void shouldHandTheCredentialToTheEngineAndMaskItInTheLogAndReport() throws Exception {
        ServiceCredentials mlflow = ServiceCredentials.usernamePassword(ServiceCredentials.Service.MLFLOW,
                "mlflow-prod", "ana", PASSWORD);
        Echo echo = new Echo(List.of("MLFLOW_TRACKING_PASSWORD"), List.of());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        String report = runAsAStepDoes(ServiceCredentialsRun.of(echo, mlflow), log);

        assertThat(echo.seen).containsExactly(PASSWORD);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[mlBenchmark] engine saw ****",
                "[mlBenchmark] failed with ****").doesNotContain(PASSWORD, "p@ss");
        assertThat(report).contains("\"echo\": \"****\"").doesNotContain("p@ss");
    }

    @Test
    void shouldMaskTheKubeconfigAndPrometheusTokenOfACanaryRequest() throws Exception {
        String kubeconfig = KubernetesAccessTest.KUBECONFIG;
        KubernetesAccess cluster = KubernetesAccess.kubeconfig("kube-prod", kubeconfig, null);
        ServiceCredentials prometheus = ServiceCredentials.token(ServiceCredentials.Service.PROMETHEUS, "prom",
                TOKEN);
        Echo echo = new Echo(List.of("PROMETHEUS_TOKEN"), cluster.secretValues());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        String report = runAsAStepDoes(ServiceCredentialsRun.of(echo, prometheus), log);

        assertThat(echo.seen).containsExactly(TOKEN);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN, "eyJhbGciOiJSUzI1NiIsImtpZCI6");
        assertThat(report).doesNotContain(TOKEN, "eyJhbGciOiJSUzI1NiIsImtpZCI6");
    }

    @Test
    void shouldRunUnchangedWithoutACredential() {
        Echo echo = new Echo(List.of(), List.of());

        assertThat(ServiceCredentialsRun.of(echo, ServiceCredentials.NONE)).isSameAs(echo);
    }

    /** The agent's half (masked run, progress to the log) and the controller's (report kept, summary printed). */
    private String runAsAStepDoes(final EngineRun run, final ByteArrayOutputStream log) throws Exception {
        SecretSource build = name -> Optional.empty();
        try (PrintStream stream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            StepOutcome outcome = run.runMasked(folder, build, new ConsoleLogProgress(stream, "mlBenchmark"));
            StepFinisher.Finished finished = StepFinisher.finish("mlBenchmark", outcome, folder.resolve("build"),
                    false, stream);
            return Files.readString(Path.of(finished.values().get("reportFile").toString()), StandardCharsets.UTF_8);
        }
    }

    /** An engine that quotes every secret it reads (and a kubeconfig it carries) wherever it can. */
    private static final class Echo implements EngineRun {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> seen = new ArrayList<>();

        private final List<String> names;
        private final List<String> carried;

        Echo(final List<String> names, final List<String> carried) {
            this.names = names;
            this.carried = carried;
        }

        @Override
        public StepOutcome run(final Path workspace, final SecretSource secrets, final ProgressListener progress) {
            names.forEach(name -> secrets.secret(name).ifPresent(seen::add));
            List<String> quoted = new ArrayList<>(seen);
            quoted.addAll(carried);
            String all = String.join(" ", quoted);
            progress.info("engine saw " + all);
            String json = "{\"echo\": \"" + all.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    + "\"}";
            return new StepOutcome("benchmark", StepOutcome.FAILED, json, new LinkedHashMap<>(),
                    new ArrayList<>(List.of("failed with " + all)), new ArrayList<>(List.of("failed with " + all)));
        }

        @Override
        public List<String> secretValues() {
            return carried;
        }
    }
}
