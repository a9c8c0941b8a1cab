package io.jenkins.plugins.mlgitops.steps;

import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import io.jenkins.plugins.mlgitops.config.settings.PrometheusServerSettings;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRequest;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps' data-bound parameters reach the engine: the request a step builds runs on real files. (Binding a
 * Pipeline map to these setters is done by Jenkins' structs plugin, which needs a real Jenkins.)
 */
class StepBindingTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldBindTheGatesAndOptionsOfMlBenchmark() throws Exception {
        Files.copy(example("churn/test.csv"), workspace.resolve("test.csv"));
        Files.copy(example("churn/champion-onnx-predictions.csv"), workspace.resolve("champion.csv"));
        Files.copy(example("churn/candidate-onnx-predictions.csv"), workspace.resolve("candidate.csv"));
        MlBenchmarkStep step = new MlBenchmarkStep("test.csv", "churned", "predictions:champion.csv",
                "predictions:candidate.csv");
        MetricGate accuracy = new MetricGate("accuracy_score");
        accuracy.setThreshold(0.99);
        MetricGate f1 = new MetricGate("f1_weighted");
        f1.setMinAbsoluteChange(0.5);
        step.setGates(List.of(accuracy, f1));
        step.setGateMode("any");
        step.setTest("none");
        step.setLatencySamples(0);
        step.setSlices(List.of("contract"));

        StepOutcome outcome = step.request().run(workspace, name -> Optional.empty(), new Quiet());

        assertThat(outcome.status()).isEqualTo("FAILED");
        List<Object> metrics = ((List<?>) outcome.values().get("gates")).stream()
                .map(gate -> ((Map<?, ?>) gate).get("metric")).map(Object.class::cast).toList();
        assertThat(metrics).containsExactly("accuracy_score", "f1_weighted");
        assertThat(outcome.reportJson()).contains("\"gateMode\" : \"any\"", "\"contract\"");
    }

    @Test
    void shouldBindThePacksAndEvidenceOfMlComplianceCheck() {
        MlComplianceCheckStep step = new MlComplianceCheckStep();
        step.setPacks(List.of("gdpr-baseline"));
        step.setPredictions("onnx:model.onnx");

        StepOutcome outcome = step.request().run(workspace, name -> Optional.empty(), new Quiet());

        assertThat(outcome.problems()).containsExactly(
                "predictions needs dataset (and target): the model is judged on that data.");
    }

    @Test
    void shouldBindTheEditsAndRepositoryOfMlPromote() {
        MlPromoteStep step = new MlPromoteStep("churn-prediction", "7", "staging");
        step.setRepository("https://git.example.com/m.git");
        SetImageEdit image = new SetImageEdit("k.yaml", "registry.example.com/churn");
        image.setTag("v{{version}}");
        SetValueEdit value = new SetValueEdit("i.yaml", "spec.uri", "s3://m/{{version}}");
        value.setDocument("InferenceService/churn");
        step.setEdits(List.of(image, value));
        step.setMode("pr");
        step.setCredentialsId("gitops");

        StepOutcome outcome = step.request(step.repositorySettings(GitOpsRepositorySettings.NONE),
                GitCredentials.token("gitops", "tok-123"))
                .run(workspace, name -> Optional.empty(), new Quiet());

        assertThat(step.isStrictHostKeyChecking()).isTrue();
        assertThat(step.getMaxAttempts()).isEqualTo(10);
        assertThat(outcome.problems()).containsExactly(
                "mode: 'pr' needs pullRequestProvider: 'github' or 'gitlab'.");
    }

    @Test
    void shouldTakeTheRepositoryFromTheGitOpsDefaultsWhenTheStepGivesNone() {
        MlPromoteStep step = new MlPromoteStep("churn-prediction", "7", "staging");
        SetImageEdit image = new SetImageEdit("k.yaml", "registry.example.com/churn");
        image.setTag("v7");
        step.setEdits(List.of(image));
        step.setBranch("hotfix");
        GitOpsRepositorySettings defaults = new GitOpsRepositorySettings("https://git.example.com/m.git", "release",
                "gitops", "Bot <bot@example.com>");

        GitOpsRepositorySettings call = step.repositorySettings(defaults);
        StepOutcome outcome = step.request(call, GitCredentials.token("gitops", "tok-123")).mode("pr")
                .run(workspace, name -> Optional.empty(), new Quiet());

        assertThat(call).isEqualTo(new GitOpsRepositorySettings("https://git.example.com/m.git", "hotfix", "gitops",
                "Bot <bot@example.com>"));
        assertThat(outcome.problems()).containsExactly(
                "mode: 'pr' needs pullRequestProvider: 'github' or 'gitlab'.");
        assertThat(new MlPromoteStep("m", "1", "e").request(GitOpsRepositorySettings.NONE, GitCredentials.NONE)
                .run(workspace, name -> Optional.empty(), new Quiet()).problems()).singleElement().asString()
                .isEqualTo("repository is required: the GitOps repository's URL or path, or set GitOps repository "
                        + "defaults in Manage Jenkins > System > ML GitOps.");
    }

    @Test
    void shouldAskMlRollbackForOnePromotion() {
        MlRollbackStep step = new MlRollbackStep();
        step.setRepository("https://git.example.com/m.git");
        step.setModel("churn-prediction");

        StepOutcome outcome = step.request(step.repositorySettings(GitOpsRepositorySettings.NONE), GitCredentials.NONE)
                .run(workspace, name -> Optional.empty(), new Quiet());

        assertThat(outcome.problems()).singleElement().asString().startsWith("mlRollback needs record:");
    }

    @Test
    void shouldBindTheCheckBlocksOfMlCanaryInTheCommandLinesGrammar() {
        MlCanaryStep step = new MlCanaryStep("istio", "churn:7");
        step.setNamespace("ml-serving");
        step.setTarget("churn-model");
        CanaryThresholdCheck success = new CanaryThresholdCheck("request-success-rate");
        success.setMin(99.0);
        success.setCritical(true);
        CanaryComparison accuracy = new CanaryComparison("model-accuracy", "sideways");
        accuracy.setMaxDecrease(0.02);
        step.setChecks(List.of(success, accuracy));

        assertThat(success.toSpec()).isEqualTo("request-success-rate:min=99,critical=true");
        assertThat(accuracy.toSpec()).isEqualTo("model-accuracy:direction=sideways,maxDecrease=0.02");
        StepOutcome outcome = step.request().round(GitCredentials.NONE, Map.of()).run(workspace,
                name -> Optional.empty(), new Quiet());
        assertThat(outcome.problems()).singleElement().asString().contains("Malformed --compare", "sideways");
        assertThat(step.getChecks()).hasSize(2);
    }

    @Test
    void shouldTakeTheGitOpsDefaultsAndTheChosenServersCredentialIdsIntoTheCanaryRequest() {
        MlCanaryStep step = new MlCanaryStep("istio", "churn:7");
        GitOpsRepositorySettings defaults = new GitOpsRepositorySettings("https://git.example.com/m.git", "release",
                "gitops", "CI Bot <ci@example.com>");

        CanaryRequest request = step.request(defaults, new MlflowTarget("https://mlflow.example.com", "mlflow-token"),
                PrometheusServerSettings.choose(null, "http://prometheus:9090", null),
                KubernetesClusterSettings.choose(null, null, "prod"));

        assertThat(request.credentialsId()).isEqualTo("gitops");
        assertThat(request.mlflowCredentialsId()).isEqualTo("mlflow-token");
        assertThat(request.prometheusCredentialsId()).isNull();
        assertThat(request.kubeconfigCredentialsId()).isNull();
        assertThat(request.kubeContext()).isEqualTo("prod");
        step.setRepository("https://git.example.com/other.git");
        assertThat(step.request(defaults, MlflowTarget.BUILD_ENVIRONMENT, PrometheusServerSettings.choose(null, null,
                null), KubernetesClusterSettings.choose(null, null, null)).credentialsId())
                .as("the default credential goes only to the default repository").isNull();
    }

    @Test
    void shouldBindTheRepositoryAndThePromotionBlocksOfMlCanary() {
        MlCanaryStep step = new MlCanaryStep("local", "onnx:models/candidate.onnx");
        step.setStable("onnx:models/champion.onnx");
        step.setTraffic("test.csv");
        step.setRepository("https://git.example.com/m.git");
        step.setCredentialsId("gitops");
        step.setPromoteOnSuccess(true);
        step.setModel("churn-prediction");
        step.setEnvironment("production");
        step.setAlias("champion");
        SetImageEdit image = new SetImageEdit("environments/production/kustomization.yaml",
                "registry.example.com/churn-model");
        image.setTag("v{{version}}");
        step.setPromoteEdits(List.of(image, new SetValueEdit("i.yaml", "spec.uri", "s3://m/{{version}}")));
        step.setWeightFields(List.of("vs.yaml:spec.http[0].route[1].weight=canary"));
        step.setArgocdApplication("churn-prod");
        step.setDryRun(false);

        StepOutcome outcome = step.request().round(GitCredentials.token("gitops", "tok-123"), Map.of())
                .run(workspace, name -> Optional.empty(), new Quiet());

        assertThat(outcome.problems()).containsExactly("mlCanary promoteOnSuccess needs model, version, environment "
                + "and promoteEdits: [setImage(...)] or [setValue(...)], the stable manifests to promote to.");
        assertThat(step.getPromoteEdits()).hasSize(2);
        assertThat(step.getWeightFields()).hasSize(1);
        assertThat(step.request().credentialsId()).isEqualTo("gitops");
        assertThat(step.isStrictHostKeyChecking()).isTrue();
        step.setVersion("7");
        step.setMode("gitops");
        assertThat(step.request().round(GitCredentials.NONE, Map.of()).run(workspace, name -> Optional.empty(),
                new Quiet()).problems()).singleElement().asString().contains("not 'local'");
    }

    /** Drops progress lines. */
    private static final class Quiet implements io.mlgitops.api.spi.ProgressListener {
        @Override
        public void info(final String line) {
            // not needed here
        }

        @Override
        public void warn(final String line) {
            // not needed here
        }
    }
}
