package io.jenkins.plugins.mlgitops.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import io.jenkins.plugins.mlgitops.config.settings.MlflowTarget;
import io.jenkins.plugins.mlgitops.config.settings.PrometheusServerSettings;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRequest;
import io.jenkins.plugins.mlgitops.steps.engine.CanaryRounds;
import io.jenkins.plugins.mlgitops.steps.engine.ChurnWorkspace;
import io.jenkins.plugins.mlgitops.steps.engine.GitCredentials;
import io.jenkins.plugins.mlgitops.steps.engine.KubernetesAccess;
import io.jenkins.plugins.mlgitops.steps.engine.RepositorySpec;
import io.jenkins.plugins.mlgitops.steps.engine.StepOutcome;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlCanary}'s Kubernetes routers as the step translates them, against fabric8's mock API server in CRUD mode
 * (the objects are the engine's own fixtures): the step follows Flagger after asking it to promote now, and in
 * {@code mode: 'gitops'} commits each weight to a bare git repository (checked with the git command line) and keeps
 * the rollout's state in the VirtualService's annotation, which the build's abort then rolls back.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class CanaryClusterTest {
    private static final String FIXTURES = "/io/mlgitops/canary/kubernetes/";
    private static final String NAMESPACE = "ml-serving";
    private static final String NAME = "churn-model";
    private static final String ROUTES = "routes/churn-model.yaml";
    private static final ResourceDefinitionContext CANARIES = context("flagger.app", "v1beta1", "Canary",
            "canaries");
    private static final ResourceDefinitionContext VIRTUAL_SERVICES = context("networking.istio.io", "v1",
            "VirtualService", "virtualservices");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubernetesMockServer server;
    private KubernetesClient client;

    @TempDir
    private Path folder;

    private Path workspace;
    private final ChurnWorkspace.Lines log = new ChurnWorkspace.Lines();

    private static ResourceDefinitionContext context(final String group, final String version, final String kind,
            final String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    @BeforeEach
    void writeKubeconfig() throws IOException {
        workspace = Files.createDirectories(folder.resolve("workspace"));
        Files.writeString(workspace.resolve("kubeconfig"), kubeconfig());
    }

    private String kubeconfig() {
        return String.join("\n", "apiVersion: v1", "kind: Config", "clusters:", "- name: mock", "  cluster:",
                "    server: " + server.url("/"), "contexts:", "- name: ci", "  context: {cluster: mock, user: ci}",
                "current-context: ci", "users:", "- name: ci", "  user: {token: kube-token-of-the-configured-cluster}",
                "");
    }

    private static String fixture(final String name) throws IOException {
        try (InputStream text = Objects.requireNonNull(CanaryClusterTest.class.getResourceAsStream(FIXTURES + name),
                name)) {
            return new String(text.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private GenericKubernetesResource create(final ResourceDefinitionContext kind, final ObjectNode object) {
        return client.genericKubernetesResources(kind).inNamespace(NAMESPACE)
                .resource(YAML.convertValue(object, GenericKubernetesResource.class)).create();
    }

    private MlCanaryStep step(final String router) {
        MlCanaryStep step = new MlCanaryStep(router, "churn:7");
        step.setNamespace(NAMESPACE);
        step.setTarget(NAME);
        step.setKubeconfig("kubeconfig");
        return step;
    }

    private StepOutcome round(final CanaryRequest request, final GitCredentials credentials) {
        return request.round(credentials, Map.of()).runMasked(workspace, name -> Optional.empty(), log);
    }

    /** Flagger: once asked to skip the analysis, it promotes and reports success. */
    private CompletableFuture<Boolean> flaggerPromotesWhenAsked() {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                GenericKubernetesResource canary = client.genericKubernetesResources(CANARIES).inNamespace(NAMESPACE)
                        .withName(NAME).get();
                if (Boolean.TRUE.equals(((Map<?, ?>) canary.getAdditionalProperties().get("spec"))
                        .get("skipAnalysis"))) {
                    canary.setAdditionalProperty("status", Map.of("phase", "Succeeded", "canaryWeight", 0,
                            "failedChecks", 0, "iterations", 0, "lastTransitionTime", "2026-11-28T10:30:00Z",
                            "conditions", List.of(Map.of("type", "Promoted", "status", "True", "reason",
                                    "Succeeded", "message", "Canary analysis completed successfully."))));
                    client.genericKubernetesResources(CANARIES).inNamespace(NAMESPACE).resource(canary).update();
                    return true;
                }
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        });
    }

    @Test
    void shouldAskFlaggerToPromoteNowAndFollowItToItsEnd() throws Exception {
        ObjectNode canary = (ObjectNode) YAML.readTree(fixture("flagger-canary.yaml"));
        canary.set("status", YAML.valueToTree(Map.of("phase", "Progressing", "canaryWeight", 25, "failedChecks", 0,
                "iterations", 0, "lastTransitionTime", "2026-11-28T10:25:00Z", "conditions", List.of(Map.of("type",
                        "Promoted", "status", "Unknown", "reason", "Progressing", "message",
                        "New revision detected, progressing canary analysis.")))));
        create(CANARIES, canary);
        MlCanaryStep step = step("flagger");
        step.setPromoteNow(true);
        step.setTimeout("1m");
        CanaryExecution execution = new CanaryExecution(null, step.request(), false);
        execution.begin(System.currentTimeMillis());
        CompletableFuture<Boolean> flagger = flaggerPromotesWhenAsked();

        StepOutcome outcome = round(execution.roundRequest(), GitCredentials.NONE);

        assertThat(outcome.status()).as(outcome.problems() + "\n" + String.join("\n", log.lines()))
                .isEqualTo(StepOutcome.PASSED);
        assertThat(flagger.get(1, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome.values()).containsEntry("outcome", "PROMOTED").containsEntry("candidate", "churn:7");
        assertThat(execution.rounds().afterRound(0, 0, outcome).action()).as("one round is the whole run")
                .isEqualTo(CanaryRounds.Action.FINISH);
        assertThat(log.lines()).contains("Asked Flagger Canary ml-serving/churn-model to promote.");
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("Progressing", "25"));
    }

    @Test
    void shouldReachTheConfiguredClusterWithTheKubeconfigOfItsCredentialForOneRoundOnly() throws Exception {
        create(VIRTUAL_SERVICES, (ObjectNode) YAML.readTree(fixture("virtual-service.yaml")));
        Files.delete(workspace.resolve("kubeconfig"));
        MlCanaryStep step = step("istio");
        step.setKubeconfig(null);
        step.setRoute("primary");
        step.setStableBackend("churn-model-stable");
        step.setCanaryBackend("churn-model-canary");
        step.setSteps("10,100");
        CanaryThresholdCheck success = new CanaryThresholdCheck("request-success-rate");
        success.setMin(99.0);
        step.setChecks(List.of(success));
        CanaryRequest request = step.request(GitOpsRepositorySettings.NONE, MlflowTarget.BUILD_ENVIRONMENT,
                PrometheusServerSettings.choose(new PrometheusServerSettings("http://127.0.0.1:9", "prom-token",
                        "1s"), null, null),
                KubernetesClusterSettings.choose(new KubernetesClusterSettings("prod-kube", null), null, null));
        assertThat(request.kubeconfigCredentialsId()).isEqualTo("prod-kube");
        assertThat(request.prometheusCredentialsId()).isEqualTo("prom-token");

        StepOutcome first = request.round(GitCredentials.NONE, KubernetesAccess.kubeconfig("prod-kube", kubeconfig(),
                null), Map.of()).runMasked(workspace, name -> Optional.empty(), log);

        assertThat(first.status()).as(first.problems() + "\n" + String.join("\n", log.lines()))
                .isEqualTo(CanaryRequest.IN_PROGRESS);
        GenericKubernetesResource routed = client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(NAMESPACE)
                .withName(NAME).get();
        assertThat(YAML.writeValueAsString(routed.getAdditionalProperties().get("spec"))).contains("weight: 90",
                "weight: 10");
        try (var left = Files.list(folder.resolve("workspace@tmp"))) {
            assertThat(left).as("the kubeconfig written for the round").isEmpty();
        }
        assertThat(String.join("\n", log.lines())).doesNotContain("kube-token-of-the-configured-cluster");
    }

    @Test
    void shouldCommitEachWeightInGitOpsModeAndRollItBackWhenTheBuildIsAborted() throws Exception {
        GitCli.require();
        String manifest = fixture("virtual-service.yaml");
        create(VIRTUAL_SERVICES, (ObjectNode) YAML.readTree(manifest));
        Path git = GitCli.bareRepository(folder, "gitops.git", Map.of(ROUTES, manifest));
        MlCanaryStep step = step("istio");
        step.setRoute("primary");
        step.setStableBackend("churn-model-stable");
        step.setCanaryBackend("churn-model-canary");
        step.setPrometheusUrl("http://127.0.0.1:9");
        step.setSteps("10,100");
        CanaryThresholdCheck success = new CanaryThresholdCheck("request-success-rate");
        success.setMin(99.0);
        step.setChecks(List.of(success));
        step.setMode("gitops");
        step.setWeightFields(List.of(ROUTES + ":spec.http[1].route[0].weight=stable",
                ROUTES + ":spec.http[1].route[1].weight=canary"));
        step.setCredentialsId("gitops-bot");
        CanaryRequest request = step.request().repository(new RepositorySpec(git.toUri().toString(),
                GitCredentials.NONE, null, true, 10, folder.resolve("cache").toString()), step.getCredentialsId(),
                null, "CI Bot <ci@example.com>", null);
        GitCredentials credentials = GitCredentials.usernamePassword("gitops-bot", "bot", "gitops-s3cr3t");

        StepOutcome first = round(request, credentials);

        assertThat(first.status()).as(first.problems() + "\n" + String.join("\n", log.lines()))
                .isEqualTo(CanaryRequest.IN_PROGRESS);
        assertThat(first.values()).containsEntry("step", 1).containsEntry("weight", 10);
        String committed = GitCli.show(git, ROUTES);
        assertThat(committed).isNotEqualTo(manifest).contains("weight: 90", "weight: 10");
        assertThat(GitCli.git(git, "log", "-1", "--format=%an%n%B", "main")).contains("Canary churn:7: 10% of the "
                + "traffic", "ML-Canary-Weight: 10");
        GenericKubernetesResource routed = client.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace(NAMESPACE)
                .withName(NAME).get();
        assertThat(routed.getMetadata().getAnnotations()).containsKey("mlgitops.io/rollout-state");

        StepOutcome aborted = round(request.continuing().aborting(), credentials);

        assertThat(aborted.values()).as(String.join("\n", log.lines())).containsEntry("outcome", "ROLLED_BACK")
                .containsEntry("finalWeight", 0);
        assertThat(GitCli.show(git, ROUTES)).isEqualTo(manifest);
        assertThat(String.join("\n", log.lines())).doesNotContain("gitops-s3cr3t");
    }
}
