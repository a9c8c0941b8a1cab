package io.jenkins.plugins.mlgitops.steps.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlPromote waitForSync} reaches Argo CD through the cluster configured in Manage Jenkins: the kubeconfig of
 * its Secret file credential is written owner-only for the call and deleted after it, and never printed. The cluster
 * is fabric8's mock API server (CRUD); "Argo CD" marks the Application synced once the promotion's commit is pushed.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PromoteSyncClusterTest {
    private static final String FILE = "environments/staging/kustomization.yaml";
    private static final String TOKEN = "token-of-the-configured-cluster-0123456789";
    private static final ResourceDefinitionContext APPLICATIONS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
            .withNamespaced(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesMockServer server;
    private KubernetesClient client;

    @TempDir
    private Path folder;

    private Path workspace;
    private Path git;
    private final ChurnWorkspace.Lines log = new ChurnWorkspace.Lines();

    @BeforeEach
    void createRepositoryAndApplication() throws Exception {
        GitCli.require();
        workspace = Files.createDirectories(folder.resolve("workspace"));
        git = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, """
                images:
                  - name: registry.example.com/churn-model
                    newTag: v1
                """));
        client.genericKubernetesResources(APPLICATIONS).inNamespace("argocd").resource(JSON.readValue("""
                {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
                 "metadata": {"name": "churn-staging", "namespace": "argocd"}, "spec": {},
                 "status": {"sync": {"status": "Synced", "revision": "0000000"}, "health": {"status": "Healthy"}}}
                """, GenericKubernetesResource.class)).create();
    }

    private String kubeconfig() {
        return String.join("\n", "apiVersion: v1", "kind: Config", "clusters:", "- name: mock", "  cluster:",
                "    server: " + server.url("/"), "contexts:", "- name: ci", "  context: {cluster: mock, user: ci}",
                "current-context: ci", "users:", "- name: ci", "  user: {token: " + TOKEN + "}", "");
    }

    /** Argo CD: once the branch moves, the Application is synced and healthy at the new revision. */
    private CompletableFuture<String> argoSyncsThePush() {
        String before = GitCli.git(git, "rev-parse", "main").strip();
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String tip = GitCli.git(git, "rev-parse", "main").strip();
                if (!tip.equals(before)) {
                    client.genericKubernetesResources(APPLICATIONS).inNamespace("argocd").withName("churn-staging")
                            .edit(application -> {
                                application.setAdditionalProperty("status", Map.of("sync", Map.of("status",
                                        "Synced", "revision", tip), "health", Map.of("status", "Healthy")));
                                return application;
                            });
                    return tip;
                }
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        });
    }

    @Test
    void shouldWaitForArgoCdThroughTheConfiguredClustersKubeconfig() throws Exception {
        PromoteRequest promotion = new PromoteRequest().model("churn-prediction").version("7")
                .environment("staging").repository(new RepositorySpec(git.toUri().toString(), GitCredentials.NONE,
                        null, true, 10, folder.resolve("cache").toString()))
                .edits(List.of(EditSpec.setImage(FILE, "registry.example.com/churn-model", null, "v{{version}}",
                        null)))
                .author("CI Bot <ci@example.com>").waitForSync("churn-staging").timeout("30s")
                .buildEnvironment(Map.of())
                .syncCluster(KubernetesAccess.kubeconfig("staging-kube", kubeconfig(), null));
        CompletableFuture<String> argo = argoSyncsThePush();

        StepOutcome outcome = promotion.runMasked(workspace, name -> Optional.empty(), log);

        assertThat(outcome.status()).as(outcome.problems() + "\n" + String.join("\n", log.lines()))
                .isEqualTo(StepOutcome.PASSED);
        assertThat(outcome.values()).containsEntry("synced", true).containsEntry("commit",
                argo.get(1, TimeUnit.SECONDS));
        assertThat(folder.resolve("workspace@tmp")).isEmptyDirectory();
        assertThat(String.join("\n", log.lines())).doesNotContain(TOKEN);
        assertThat(promotion.secretValues()).contains(kubeconfig());
    }
}
