package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.MlflowServerExtension;
import io.mlgitops.testing.TestEnvironment;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlgitops promote} and {@code mlgitops rollback} end to end with real parts: a bare git repository checked
 * with the git command line, a real MLflow server, and fabric8's mock Kubernetes API server in CRUD mode, in which
 * this test plays Argo CD by marking the Application synced to whatever lands on the branch.
 */
@ExtendWith(MlflowServerExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class PromoteRollbackIT {
    private static final String MODEL = "cli-promote-churn";
    private static final String FILE = "environments/staging/kustomization.yaml";
    private static final String APPLICATION = "churn-staging";
    private static final ResourceDefinitionContext APPLICATIONS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
            .withNamespaced(true).build();
    private static final String ORIGINAL = """
            # Staging serves the churn model
            resources:
              - ../../base
            images:
              - name: registry.example.com/churn-model
                newTag: v1   # set by mlgitops
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MlflowServer mlflow;

    private KubernetesMockServer server;
    private KubernetesClient client;

    @TempDir
    private Path folder;

    @BeforeAll
    static void registerVersions(final MlflowServer started) {
        mlflow = started;
        String model = TestEnvironment.example("churn/champion.onnx").toString();
        started.register(MODEL + "=" + model + "@staging", MODEL + "=" + model);
    }

    private CliRun run(final List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> promote(final Path git, final String... extra) {
        List<String> args = new ArrayList<>(List.of("promote", "--repo", git.toUri().toString(),
                "--environment", "staging", "--model", MODEL, "--version", "2", "--set-image",
                "environments/{{environment}}/kustomization.yaml:registry.example.com/churn-model=:v{{version}}",
                "--alias", "staging", "--tag", "validated-by=build-{{version}}",
                "--mlflow-url", mlflow.uri().toString(),
                "--git-cache-dir", folder.resolve("cache").toString(), "--author", "CI <ci@example.com>"));
        args.addAll(List.of(extra));
        return args;
    }

    private static String tip(final Path git) {
        return GitCli.git(git, "rev-parse", "main").strip();
    }

    private ModelRegistry registry() throws Exception {
        return ModelRegistries.mlflow(mlflow.uri(), name -> Optional.empty(), HttpSettings.DEFAULTS);
    }

    private Path kubeconfig() throws Exception {
        String text = String.join("\n", "apiVersion: v1", "kind: Config", "clusters:", "- name: mock",
                "  cluster:", "    server: " + server.url("/"), "contexts:", "- name: argo",
                "  context: {cluster: mock, user: ci}", "current-context: argo", "users:", "- name: ci",
                "  user: {token: kube-token}", "");
        return Files.writeString(folder.resolve("kubeconfig"), text);
    }

    private void createApplication() throws Exception {
        GenericKubernetesResource application = JSON.readValue("{\"apiVersion\": \"argoproj.io/v1alpha1\", "
                + "\"kind\": \"Application\", \"metadata\": {\"name\": \"" + APPLICATION + "\", \"namespace\": "
                + "\"argocd\"}, \"spec\": {}, \"status\": {\"sync\": {\"status\": \"Synced\", \"revision\": "
                + "\"0000000\"}, \"health\": {\"status\": \"Healthy\"}}}", GenericKubernetesResource.class);
        client.genericKubernetesResources(APPLICATIONS).inNamespace("argocd").resource(application).create();
    }

    /** Argo CD: once the branch moves, report the new commit as synced and healthy. */
    private CompletableFuture<String> argoSyncsWhatLands(final Path git) {
        String seed = tip(git);
        return CompletableFuture.supplyAsync(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline) {
                    String tip = tip(git);
                    if (!tip.equals(seed)) {
                        GenericKubernetesResource app = client.genericKubernetesResources(APPLICATIONS)
                                .inNamespace("argocd").withName(APPLICATION).get();
                        app.setAdditionalProperty("status", JSON.readValue("{\"sync\": {\"status\": \"Synced\", "
                                + "\"revision\": \"" + tip + "\"}, \"health\": {\"status\": \"Healthy\"}}",
                                Map.class));
                        client.genericKubernetesResources(APPLICATIONS).inNamespace("argocd").resource(app).update();
                        return tip;
                    }
                    Thread.sleep(200);
                }
                return "timeout";
            }
            catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    @Test
    void shouldPromoteWaitForArgoCdAndRollBackEverywhere() throws Exception {
        Path git = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, ORIGINAL));
        registry().setAlias(MODEL, "staging", "1");
        registry().deleteVersionTag(MODEL, "2", "mlgitops.rejected");
        createApplication();
        CompletableFuture<String> argo = argoSyncsWhatLands(git);
        Path record = folder.resolve("promotion.json");

        CliRun promoted = run(promote(git, "--wait-for-sync", APPLICATION, "--timeout", "90s", "--kubeconfig",
                kubeconfig().toString(), "--build-url", "https://ci.example.com/job/7/", "--report",
                record.toString()));

        assertThat(promoted.exitCode()).as(promoted.err() + promoted.out()).isZero();
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL.replace("newTag: v1", "newTag: v2"));
        assertThat(GitCli.git(git, "log",
                "--format=%(trailers:key=ML-Model,key=ML-Version,key=ML-Environment,key=Build-Url)", "main"))
                .contains("ML-Model: " + MODEL, "ML-Version: 2", "ML-Environment: staging",
                        "Build-Url: https://ci.example.com/job/7/");
        assertThat(argo.get(1, TimeUnit.SECONDS)).isEqualTo(tip(git));
        JsonNode report = JSON.readTree(record.toFile());
        assertThat(report.at("/status").asText()).isEqualTo("PASSED");
        assertThat(report.at("/results/commit").asText()).isEqualTo(tip(git));
        assertThat(report.at("/results/sync/synced").asBoolean()).isTrue();
        assertThat(report.at("/results/alias/before").asText()).isEqualTo("1");
        assertThat(report.at("/results/edits/0/before").asText()).isEqualTo("v1");
        assertThat(registry().getVersionByAlias(MODEL, "staging").version()).isEqualTo("2");
        assertThat(registry().getVersion(MODEL, "2").tags()).containsEntry("validated-by", "build-2")
                .containsKey("mlgitops.promoted.staging");
        assertThat(promoted.out()).contains("Result: PASSED", "Alias:   staging 1 -> 2");

        CliRun rolledBack = run(List.of("rollback", "--repo", git.toUri().toString(), "--record", record.toString(),
                "--reason", "canary failed", "--mlflow-url", mlflow.uri().toString(), "--git-cache-dir",
                folder.resolve("cache").toString(), "--json"));

        assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL);
        assertThat(GitCli.git(git, "log", "--format=%s", "main").lines().findFirst())
                .contains("Roll back " + MODEL + " 2 in staging");
        assertThat(registry().getVersionByAlias(MODEL, "staging").version()).isEqualTo("1");
        assertThat(registry().getVersion(MODEL, "2").tags()).containsEntry("mlgitops.rejected", "canary failed");
        assertThat(JSON.readTree(rolledBack.out()).at("/results/operation").asText()).isEqualTo("rollback");

        CliRun refused = run(promote(git, "--promotion-id", "second-try"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("mlgitops.rejected", "canary failed", "Result: FAILED");
        assertThat(GitCli.show(git, FILE)).isEqualTo(ORIGINAL);
    }

    @Test
    void shouldMakeNoSecondCommitWhenPromotingTwice() throws Exception {
        Path git = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, ORIGINAL));
        List<String> once = promote(git, "--allow-rejected");

        CliRun first = run(once);
        String tip = tip(git);
        CliRun second = run(once);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(tip(git)).isEqualTo(tip);
        assertThat(second.err()).contains("Already done");
        assertThat(second.out()).contains("already applied: promotion-id");
    }

    @Test
    void shouldNameAPathThatDoesNotExistAndCommitNothing() throws Exception {
        Path git = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, ORIGINAL));
        String tip = tip(git);

        CliRun run = run(List.of("promote", "--repo", git.toUri().toString(), "--environment", "staging",
                "--model", MODEL,
                "--version", "2", "--set", FILE + ":spec.replicas=3", "--git-cache-dir",
                folder.resolve("cache").toString()));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(FILE, "spec");
        assertThat(tip(git)).isEqualTo(tip);
    }
}
