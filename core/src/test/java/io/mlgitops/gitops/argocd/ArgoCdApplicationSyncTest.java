package io.mlgitops.gitops.argocd;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.ApplicationSync;
import io.mlgitops.gitops.ApplicationSyncs;
import io.mlgitops.gitops.IgnoredDifference;
import io.mlgitops.gitops.KubernetesApi;
import io.mlgitops.gitops.KubernetesSettings;
import io.mlgitops.gitops.SyncOutcome;
import io.mlgitops.gitops.SyncOutcome.Ending;
import io.mlgitops.net.Backoff;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.net.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Argo CD sync wait against fabric8's Kubernetes mock API server in CRUD mode: the test plays Argo CD by
 * rewriting the {@code Application}'s status between two reads of the code under test (a scripted sleeper advances a
 * fake clock and applies the next state), so every run sees the same sequence without real waiting.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ArgoCdApplicationSyncTest {
    private static final String OURS = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private static final String OLDER = "1234567890abcdef1234567890abcdef12345678";
    private static final String LATER = "aaaabbbbccccddddeeeeffff0000111122223333";
    private static final String APP = "churn-staging";
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesMockServer server;
    private KubernetesClient client;

    @TempDir
    private Path folder;

    private final Deque<String> argo = new ArrayDeque<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private ArgoCdApplicationSync sync;

    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void info(final String line) {
            lines.add(line);
        }

        @Override
        public void warn(final String line) {
            lines.add("WARN " + line);
        }
    };

    @BeforeEach
    void createSync() throws IOException, InputException {
        sync = syncFor(writeKubeconfig("argo"), HttpSettings.DEFAULTS.withMaxAttempts(3));
    }

    @AfterEach
    void closeSync() {
        sync.close();
    }

    /** A sync through the production client factory, with the scripted sleeper and the fake clock. */
    private ArgoCdApplicationSync syncFor(final Path kubeconfig, final HttpSettings http) throws InputException {
        KubernetesSettings settings = KubernetesSettings.DEFAULTS.withKubeconfig(kubeconfig, "argo")
                .withPollInterval(POLL);
        settings = new KubernetesSettings(settings.kubeconfig(), settings.context(), settings.namespace(),
                settings.pollInterval(), http);
        Sleeper playArgo = wait -> {
            sleeps.add(wait);
            now = now.plus(wait);
            if (!argo.isEmpty()) {
                setStatus(argo.removeFirst());
            }
        };
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(final java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        KubernetesApi api = new KubernetesApi(KubernetesClients.create(settings), http,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), new SplittableRandom(7)), playArgo);
        return new ArgoCdApplicationSync(api, settings, playArgo, clock);
    }

    /** A kubeconfig whose current context points nowhere, and whose context {@code argo} is the mock server. */
    private Path writeKubeconfig(final String name) throws IOException {
        String text = String.join("\n", "apiVersion: v1", "kind: Config", "clusters:",
                "- name: mock", "  cluster:", "    server: " + server.url("/"),
                "- name: nowhere", "  cluster:", "    server: http://127.0.0.1:" + closedPort(),
                "contexts:", "- name: argo", "  context: {cluster: mock, user: ci}",
                "- name: other", "  context: {cluster: nowhere, user: ci}",
                "current-context: other", "users:", "- name: ci", "  user: {token: kube-secret-token}", "");
        return Files.writeString(folder.resolve(name + ".kubeconfig"), text);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        }
    }

    private void createApplication(final String status) {
        createApplication(APP, "{}", status);
    }

    private void createApplication(final String name, final String spec, final String status) {
        String text = String.format("{\"apiVersion\": \"argoproj.io/v1alpha1\", \"kind\": \"Application\", "
                + "\"metadata\": {\"name\": \"%s\", \"namespace\": \"argocd\"}, \"spec\": %s, \"status\": %s}", name,
                spec, status);
        try {
            GenericKubernetesResource application = JSON.readValue(text, GenericKubernetesResource.class);
            client.genericKubernetesResources(Applications.APPLICATION).inNamespace("argocd").resource(application)
                    .create();
        }
        catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private void setStatus(final String status) {
        try {
            Object parsed = JSON.readValue(status, Object.class);
            client.genericKubernetesResources(Applications.APPLICATION).inNamespace("argocd").withName(APP)
                    .edit(application -> {
                        application.setAdditionalProperty("status", parsed);
                        return application;
                    });
        }
        catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    private static String status(final String sync, final String health, final String revision) {
        return status(sync, health, revision, "");
    }

    private static String status(final String sync, final String health, final String revision,
            final String more) {
        return String.format("{\"sync\": {\"status\": \"%s\", \"revision\": \"%s\"}, \"health\": {\"status\": "
                + "\"%s\"}%s}", sync, revision, health, more.isEmpty() ? "" : ", " + more);
    }

    private static String operation(final String phase, final String revision, final String message) {
        return String.format("\"operationState\": {\"phase\": \"%s\", \"message\": \"%s\", \"startedAt\": "
                + "\"2026-11-28T09:59:00Z\", \"operation\": {\"sync\": {\"revision\": \"%s\"}}, \"syncResult\": "
                + "{\"revision\": \"%s\"}}", phase, message, revision, revision);
    }

    @Test
    void shouldWaitThroughOutOfSyncAndProgressingUntilOurRevisionIsSyncedAndHealthy() throws Exception {
        createApplication(status("Synced", "Healthy", OLDER));
        argo.add(status("OutOfSync", "Healthy", OLDER));
        argo.add(status("Synced", "Progressing", OURS, operation("Running", OURS, "waiting for healthy state of "
                + "apps/Deployment/churn")));
        argo.add(status("Synced", "Progressing", OURS, operation("Running", OURS, "waiting for healthy state of "
                + "apps/Deployment/churn")));
        argo.add(status("Synced", "Healthy", OURS, operation("Succeeded", OURS, "successfully synced (all tasks "
                + "run)")));

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
        assertThat(outcome.synced()).isTrue();
        assertThat(outcome.application()).isEqualTo("argocd/" + APP);
        assertThat(outcome.revision()).isEqualTo(OURS);
        assertThat(outcome.syncStatus()).isEqualTo("Synced");
        assertThat(outcome.healthStatus()).isEqualTo("Healthy");
        assertThat(outcome.operationPhase()).isEqualTo("Succeeded");
        assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(8));
        assertThat(sleeps).containsExactly(POLL, POLL, POLL, POLL);
        assertThat(lines).containsExactly(
                "Waiting up to 5 min for Argo CD application argocd/churn-staging to sync revision 9f8e7d6c5b4a and "
                        + "be healthy",
                "Argo CD application argocd/churn-staging: sync Synced, health Healthy, revision 1234567890ab",
                "Argo CD application argocd/churn-staging: sync OutOfSync, health Healthy, revision 1234567890ab",
                "Argo CD application argocd/churn-staging: sync Synced, health Progressing, revision 9f8e7d6c5b4a, "
                        + "operation Running: waiting for healthy state of apps/Deployment/churn",
                "Argo CD application argocd/churn-staging: sync Synced, health Healthy, revision 9f8e7d6c5b4a, "
                        + "operation Succeeded: successfully synced (all tasks run)");
    }

    @Test
    void shouldNotCountAnOlderRevisionThatIsSyncedAndHealthy() throws Exception {
        createApplication(status("Synced", "Healthy", OLDER));

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofSeconds(9), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.TIMED_OUT);
        assertThat(outcome.synced()).isFalse();
        assertThat(outcome.revision()).isEqualTo(OLDER);
        assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(9));
        assertThat(sleeps).as("the last wait ends at the deadline")
                .containsExactly(POLL, POLL, POLL, POLL, Duration.ofSeconds(1));
        assertThat(lines).hasSize(2);
    }

    @Test
    void shouldReportADegradedApplicationWithArgosOwnMessages() throws Exception {
        createApplication(status("OutOfSync", "Healthy", OLDER));
        argo.add("{\"sync\": {\"status\": \"Synced\", \"revision\": \"" + OURS + "\"}, \"health\": {\"status\": "
                + "\"Degraded\", \"message\": \"churn is degraded\"}, \"conditions\": [{\"type\": \"SyncError\", "
                + "\"message\": \"Failed sync attempt: one or more objects failed to apply\"}], \"resources\": "
                + "[{\"kind\": \"Deployment\", \"name\": \"churn\", \"health\": {\"status\": \"Degraded\", "
                + "\"message\": \"Deployment \\\"churn\\\" exceeded its progress deadline\"}}, {\"kind\": \"Service\", "
                + "\"name\": \"churn\", \"health\": {\"status\": \"Healthy\"}}]}");

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.DEGRADED);
        assertThat(outcome.healthMessage()).isEqualTo("churn is degraded");
        assertThat(outcome.conditions())
                .containsExactly("SyncError: Failed sync attempt: one or more objects failed to apply");
        assertThat(outcome.resourceMessages())
                .containsExactly("Deployment/churn: Degraded: Deployment \"churn\" exceeded its progress deadline");
        assertThat(outcome.messages()).containsExactly("health Degraded: churn is degraded",
                "SyncError: Failed sync attempt: one or more objects failed to apply",
                "Deployment/churn: Degraded: Deployment \"churn\" exceeded its progress deadline");
        assertThat(outcome.waited()).isEqualTo(POLL);
    }

    @Test
    void shouldReportAFailedSyncOfOurRevisionWithTheFailingResources() throws Exception {
        createApplication(status("OutOfSync", "Healthy", OLDER));
        argo.add(status("OutOfSync", "Healthy", OLDER, "\"operationState\": {\"phase\": \"Failed\", \"message\": "
                + "\"one or more objects failed to apply, reason: admission webhook denied the request\", "
                + "\"operation\": {\"sync\": {\"revision\": \"" + OURS + "\"}}, \"syncResult\": {\"revision\": \""
                + OURS + "\", \"resources\": [{\"kind\": \"InferenceService\", \"name\": \"churn\", \"status\": "
                + "\"SyncFailed\", \"message\": \"admission webhook denied the request: bad storageUri\"}, "
                + "{\"kind\": \"ConfigMap\", \"name\": \"churn\", \"status\": \"Synced\", \"message\": "
                + "\"configured\"}]}}"));

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNC_FAILED);
        assertThat(outcome.operationPhase()).isEqualTo("Failed");
        assertThat(outcome.messages()).containsExactly("operation Failed: one or more objects failed to apply, "
                + "reason: admission webhook denied the request",
                "InferenceService/churn: admission webhook denied the request: bad storageUri");
    }

    @Test
    void shouldKeepWaitingWhenAnOlderRevisionFailedOrIsDegraded() throws Exception {
        createApplication(status("OutOfSync", "Degraded", OLDER, operation("Failed", OLDER, "older sync failed")));
        argo.add(status("Synced", "Healthy", OURS, operation("Succeeded", OURS, "synced")));

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldWaitForARunningOperationOfOurRevisionToFinish() throws Exception {
        createApplication(status("Synced", "Healthy", OURS, operation("Running", OURS, "running PostSync hooks")));
        argo.add(status("Synced", "Healthy", OURS, operation("Succeeded", OURS, "synced")));

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
        assertThat(outcome.operationPhase()).isEqualTo("Succeeded");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldFindOurRevisionAmongTheRevisionsOfAMultiSourceApplication() throws Exception {
        createApplication("{\"sync\": {\"status\": \"Synced\", \"revisions\": [\"1.4.2\", \"" + OURS + "\"]}, "
                + "\"health\": {\"status\": \"Healthy\"}}");

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
        assertThat(outcome.revisions()).containsExactly("1.4.2", OURS);
    }

    @Test
    void shouldAcceptALaterRevisionWhenTheCheckSaysItIncludesOurs() throws Exception {
        createApplication(status("Synced", "Healthy", LATER));
        List<String> asked = new ArrayList<>();
        ApplicationSync.RevisionCheck ancestry = reported -> {
            asked.add(reported);
            return reported.equals(LATER) || reported.equals(OURS);
        };

        SyncOutcome outcome = sync.await(APP, OURS, ancestry, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
        assertThat(outcome.revision()).isEqualTo(LATER);
        assertThat(asked).containsExactly(LATER);
    }

    @Test
    void shouldNameTheNamespaceAndNameOfAMissingApplication() {
        createApplication("other-app", "{}", status("Synced", "Healthy", OURS));

        assertThatThrownBy(() -> sync.await(APP, OURS, Duration.ofMinutes(5), progress))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("Argo CD has no Application 'churn-staging' in namespace 'argocd' of the Kubernetes API "
                        + "%s. Check the application name and its namespace (Argo CD's own namespace is argocd), and "
                        + "that Argo CD is installed in this cluster.", server.url("/"));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldRetryServerErrorsWithBackoffAndThenRead() throws Exception {
        createApplication(status("Synced", "Healthy", OURS));
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/" + APP)
                .andReturn(503, "{\"kind\": \"Status\", \"message\": \"etcd leader changed\"}").times(2);

        SyncOutcome outcome = sync.await(APP, OURS, Duration.ofMinutes(5), progress);

        assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
        assertThat(sleeps).hasSize(2).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(1)));
        assertThat(sleeps.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(500)).as("doubled");
    }

    @Test
    void shouldGiveUpAfterTheConfiguredAttempts() {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/" + APP)
                .andReturn(503, "{\"kind\": \"Status\", \"message\": \"etcd leader changed\"}").always();

        assertThatThrownBy(() -> sync.await(APP, OURS, Duration.ofMinutes(5), progress))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageStartingWith("The Kubernetes API %s answered HTTP 503 to reading Argo CD Application "
                        + "'churn-staging' in namespace 'argocd' (", server.url("/"))
                .hasMessageEndingWith("; 3 attempts).");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldNotRetryAForbiddenReadAndSayWhatToGrant() {
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/" + APP)
                .andReturn(403, "{\"kind\": \"Status\", \"apiVersion\": \"v1\", \"status\": \"Failure\", \"message\": "
                        + "\"applications.argoproj.io \\\"churn-staging\\\" is forbidden: User \\\"ci\\\" cannot get "
                        + "resource\", \"reason\": \"Forbidden\", \"code\": 403}").always();

        assertThatThrownBy(() -> sync.await(APP, OURS, Duration.ofMinutes(5), progress))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("The Kubernetes API %s does not let these credentials read Argo CD Application "
                        + "'churn-staging' in namespace 'argocd' (HTTP 403: applications.argoproj.io \"churn-staging\" "
                        + "is forbidden: User \"ci\" cannot get resource). Grant them get on applications.argoproj.io "
                        + "in namespace 'argocd' (a Role and RoleBinding).", server.url("/"))
                .hasMessageNotContaining("kube-secret-token");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldSayWhatToCheckWhenTheClusterCannotBeReached() throws IOException, InputException {
        Path kubeconfig = Files.writeString(folder.resolve("closed.kubeconfig"), String.join("\n",
                "apiVersion: v1", "kind: Config", "clusters:", "- name: closed", "  cluster:",
                "    server: http://127.0.0.1:" + closedPort(), "contexts:", "- name: argo",
                "  context: {cluster: closed, user: ci}", "current-context: argo", "users:", "- name: ci",
                "  user: {token: kube-secret-token}", ""));
        try (ArgoCdApplicationSync offline = syncFor(kubeconfig, HttpSettings.DEFAULTS.withMaxAttempts(2))) {
            assertThatThrownBy(() -> offline.await(APP, OURS, Duration.ofMinutes(5), progress))
                    .isExactlyInstanceOf(InputException.class)
                    .hasMessageStartingWith("Cannot reach the Kubernetes API http://127.0.0.1:")
                    .hasMessageEndingWith("to read Argo CD Application 'churn-staging' in namespace 'argocd' "
                            + "(connection refused; 2 attempts). Check the kubeconfig (KUBECONFIG or the configured "
                            + "file and context) or, inside a cluster, the pod's service account.");
        }
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldReadTheIgnoredDifferencesOfTheSpec() throws Exception {
        createApplication(APP, "{\"ignoreDifferences\": [{\"group\": \"networking.istio.io\", \"kind\": "
                + "\"VirtualService\", \"name\": \"churn\", \"jsonPointers\": [\"/spec/http/0/route/0/weight\", "
                + "\"/spec/http/0/route/1/weight\"]}, {\"kind\": \"ConfigMap\", \"jqPathExpressions\": "
                + "[\".data.weights\"], \"managedFieldsManagers\": [\"flagger\"]}]}", status("Synced", "Healthy",
                OURS));

        List<IgnoredDifference> ignored = sync.ignoredDifferences(APP);

        assertThat(ignored).containsExactly(
                new IgnoredDifference("networking.istio.io", "VirtualService", "churn", "", List.of(
                        "/spec/http/0/route/0/weight", "/spec/http/0/route/1/weight"), List.of(), List.of()),
                new IgnoredDifference("", "ConfigMap", "", "", List.of(), List.of(".data.weights"),
                        List.of("flagger")));
    }

    /** The public factory, real time and a real second party: a thread plays Argo CD while the wait polls. */
    @Test
    void shouldWaitInRealTimeThroughThePublicFactory() throws Exception {
        createApplication(status("OutOfSync", "Healthy", OLDER));
        KubernetesSettings settings = KubernetesSettings.DEFAULTS.withKubeconfig(writeKubeconfig("real"), "argo")
                .withPollInterval(Duration.ofMillis(50));
        ScheduledExecutorService argoCd = Executors.newSingleThreadScheduledExecutor();
        try (ApplicationSync realSync = ApplicationSyncs.argoCd(settings)) {
            argoCd.schedule(() -> setStatus(status("Synced", "Progressing", OURS)), 200, TimeUnit.MILLISECONDS);
            argoCd.schedule(() -> setStatus(status("Synced", "Healthy", OURS)), 400, TimeUnit.MILLISECONDS);

            SyncOutcome outcome = realSync.await(APP, OURS, Duration.ofSeconds(30), progress);

            assertThat(outcome.ending()).isEqualTo(Ending.SYNCED);
            assertThat(outcome.waited()).isBetween(Duration.ofMillis(400), Duration.ofSeconds(10));
            assertThat(lines).hasSize(4);
        }
        finally {
            argoCd.shutdownNow();
        }
    }

    @Test
    void shouldNameAContextTheKubeconfigLacks() throws IOException {
        Path kubeconfig = writeKubeconfig("contexts");

        assertThatThrownBy(() -> ApplicationSyncs.argoCd(KubernetesSettings.DEFAULTS.withKubeconfig(kubeconfig,
                "prod")))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("The kubeconfig file %s has no context 'prod' (it has: argo, other). Check the context "
                        + "name (kubectl config get-contexts).", kubeconfig);
    }

    @Test
    void shouldNameAMissingKubeconfigFile() {
        Path missing = folder.resolve("no-such.kubeconfig");

        assertThatThrownBy(() -> ApplicationSyncs.argoCd(KubernetesSettings.DEFAULTS.withKubeconfig(missing, null)))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("The kubeconfig file %s does not exist or cannot be read. Check the path, or leave it "
                        + "unset to use KUBECONFIG, ~/.kube/config or the in-cluster service account.", missing);
    }
}
