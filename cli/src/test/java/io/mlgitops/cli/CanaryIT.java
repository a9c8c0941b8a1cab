package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlgitops.canary.Faults;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.registry.ModelRegistries;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.testing.MlflowServer;
import io.mlgitops.testing.MlflowServerExtension;
import io.mlgitops.testing.TestEnvironment;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlgitops canary} end to end with real parts: the Istio router patches a VirtualService in fabric8's mock API
 * server (CRUD mode), whose weights the local model servers' split follows as a mesh would; a real Prometheus scrapes
 * the servers every second and is the metric source; a full rollback reverts a real promotion in a bare git
 * repository and moves the alias back in a real MLflow server. Faults are injected into the canary once it takes
 * 50 %, and the time from that breach to 0 % is measured against the analysis interval.
 */
@ExtendWith(MlflowServerExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class CanaryIT {
    private static final Duration INTERVAL = Duration.ofSeconds(4);
    /** The breach shows at the first analysis after it; Prometheus adds up to a scrape, a query a little more. */
    private static final Duration DETECTION_ALLOWANCE = INTERVAL.plusSeconds(3);
    private static final double RATE = 200;
    private static final String FILE = "environments/production/kustomization.yaml";
    private static final String MANIFEST = """
            resources:
              - ../../base
            images:
              - name: registry.example.com/churn-model
                newTag: v1
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MlflowServer mlflow;

    private KubernetesMockServer server;
    private KubernetesClient client;
    private CanaryStage stage;
    private Path git;
    private String model;

    @TempDir
    private Path folder;

    @BeforeAll
    static void keepMlflow(final MlflowServer started) {
        mlflow = started;
    }

    @AfterEach
    void closeStage() {
        if (stage != null) {
            stage.close();
        }
    }

    private void startStage(final String canaryModel, final double rate) throws Exception {
        stage = CanaryStage.start(server, client, folder, canaryModel, rate);
    }

    /** Version 1 serves production (alias and manifest); version 2 is registered. */
    private void registerVersions() {
        model = "canary-churn-" + UUID.randomUUID().toString().substring(0, 8);
        String onnx = TestEnvironment.example("churn/champion.onnx").toString();
        mlflow.register(model + "=" + onnx + "@production", model + "=" + onnx);
        git = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, MANIFEST));
    }

    /** As a release pipeline does before the canary: version 2 promoted to production in git and the registry. */
    private void promoteCandidate() {
        registerVersions();
        CliRun promoted = CliRun.of("promote", "--repo", git.toUri().toString(), "--environment", "production",
                "--model", model, "--version", "2", "--set-image", FILE + ":registry.example.com/churn-model=:v2",
                "--alias", "production", "--mlflow-url", mlflow.uri().toString(), "--git-cache-dir",
                folder.resolve("cache").toString(), "--author", "CI <ci@example.com>");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        assertThat(GitCli.show(git, FILE)).contains("newTag: v2");
    }

    private List<String> canary(final String... extra) {
        List<String> args = new ArrayList<>(List.of("canary", "--router", "istio",
                "--namespace", CanaryStage.NAMESPACE, "--target", CanaryStage.NAME,
                "--stable-backend", "churn-model-stable.ml-serving.svc.cluster.local",
                "--canary-backend", "churn-model-canary.ml-serving.svc.cluster.local",
                "--stable-workload", "churn-stable", "--canary-workload", "churn-canary",
                "--kubeconfig", stage.kubeconfig().toString(), "--candidate", "churn:2",
                "--prometheus-url", stage.prometheusUrl(), "--scrape-interval", "1s", "--steps", "20,50,100",
                "--step-duration", "8s",
                "--analysis-interval", INTERVAL.toSeconds() + "s", "--min-samples", "40", "--timeout", "3m",
                "--report", folder.resolve("canary.json").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private List<String> withDefaultChecks(final List<String> args) {
        args.addAll(List.of("--check", "request-success-rate:min=95,critical=true",
                "--check", "request-duration:max=200,critical=true",
                "--check", "model-accuracy:min=0.74"));
        return args;
    }

    private List<String> withFullRollback(final List<String> args) {
        args.addAll(List.of("--model", model, "--environment", "production", "--repo", git.toUri().toString(),
                "--mlflow-url", mlflow.uri().toString(), "--git-cache-dir", folder.resolve("cache").toString(),
                "--author", "CI <ci@example.com>"));
        return args;
    }

    private static CliRun run(final List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private JsonNode report() throws Exception {
        return JSON.readTree(folder.resolve("canary.json").toFile());
    }

    private static JsonNode decision(final JsonNode report, final String check) {
        for (JsonNode decision : report.at("/results/decisions")) {
            if (decision.path("check").asText().equals(check)) {
                return decision;
            }
        }
        throw new AssertionError("No decision on " + check + " in " + report.at("/results/decisions"));
    }

    private ModelRegistry registry() throws Exception {
        return ModelRegistries.mlflow(mlflow.uri(), name -> Optional.empty(), HttpSettings.DEFAULTS);
    }

    @Test
    void shouldTakeAHealthyCandidateToAllTrafficAndPromoteIt() throws Exception {
        registerVersions();
        startStage("candidate.onnx", RATE);

        CliRun run = run(withFullRollback(withDefaultChecks(canary("--promote-on-success", "--version", "2",
                "--promote-set-image", FILE + ":registry.example.com/churn-model=:v2", "--alias", "production"))));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stage.canaryWeights()).containsExactly(20, 50, 100, 0);
        JsonNode report = report();
        assertThat(report.at("/results/outcome").asText()).isEqualTo("PROMOTED");
        assertThat(report.at("/results/steps")).extracting(step -> step.path("weight").asInt())
                .containsExactly(20, 50, 100);
        for (JsonNode step : report.at("/results/steps")) {
            assertThat(Duration.between(Instant.parse(step.path("startedAt").asText()),
                    Instant.parse(step.path("endedAt").asText()))).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
            assertThat(step.path("decisions")).isNotEmpty().allSatisfy(decision ->
                    assertThat(decision.path("decision").asText()).isEqualTo("PASS"));
        }
        assertThat(decision(report, "request-success-rate").path("decision").asText()).isEqualTo("PASS");
        assertThat(decision(report, "request-success-rate").path("samples").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(GitCli.show(git, FILE)).contains("newTag: v2");
        assertThat(registry().getVersionByAlias(model, "production").version()).isEqualTo("2");
        assertStateWrittenAtEachStepAndRemovedAtTheEnd(List.of(20, 50, 100));
        assertThat(run.out()).contains("PROMOTED");
    }

    private void assertStateWrittenAtEachStepAndRemovedAtTheEnd(final List<Integer> weights) throws Exception {
        List<JsonNode> states = new ArrayList<>();
        for (CanaryStage.Seen seen : stage.seen()) {
            if (seen.state() != null) {
                states.add(JSON.readTree(seen.state()));
            }
        }
        assertThat(states).extracting(state -> state.path("weight").asInt()).containsSubsequence(weights);
        assertThat(states).allSatisfy(state -> assertThat(state.path("candidate").asText()).isEqualTo("churn:2"));
        assertThat(stage.virtualService().at("/metadata/annotations").path(CanaryStage.STATE_ANNOTATION)
                .isMissingNode())
                .as("the state is removed once the rollout ended").isTrue();
    }

    @Test
    void shouldRollBackAHigherErrorRateEverywhereWithinOneInterval() throws Exception {
        assertRolledBackOnBreach(new Faults(Duration.ZERO, 0.3), "request-success-rate");
    }

    @Test
    void shouldRollBackAHigherLatencyEverywhereWithinOneInterval() throws Exception {
        assertRolledBackOnBreach(Faults.latency(Duration.ofMillis(300)), "request-duration");
    }

    private void assertRolledBackOnBreach(final Faults faults, final String check) throws Exception {
        promoteCandidate();
        startStage("candidate.onnx", RATE);
        String promotion = GitCli.git(git, "rev-parse", "main").strip();
        stage.onCanaryWeight(50, world -> world.inject(faults));

        CliRun run = run(withFullRollback(withDefaultChecks(canary())));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(stage.canaryWeights()).containsExactly(20, 50, 0);
        Instant breach = stage.firstTime(50, Instant.EPOCH);
        Duration toZero = Duration.between(breach, stage.firstTime(0, breach));
        System.out.printf("Breach of %s to 0%% traffic: %d ms (analysis interval %d ms)%n", check, toZero.toMillis(),
                INTERVAL.toMillis());
        assertThat(toZero).isLessThanOrEqualTo(DETECTION_ALLOWANCE);
        JsonNode report = report();
        assertThat(report.at("/results/outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(report.at("/results/reason").asText()).contains("critical", check);
        assertThat(report.at("/results/decisions")).anySatisfy(decision -> {
            assertThat(decision.path("check").asText()).isEqualTo(check);
            assertThat(decision.path("decision").asText()).isEqualTo("FAIL");
            assertThat(decision.path("weight").asInt()).isEqualTo(50);
        });
        assertRolledBackInGitAndRegistry(promotion, report);
    }

    private void assertRolledBackInGitAndRegistry(final String promotion, final JsonNode report) throws Exception {
        assertThat(GitCli.show(git, FILE)).isEqualTo(MANIFEST);
        String tip = GitCli.git(git, "rev-parse", "main").strip();
        assertThat(tip).isNotEqualTo(promotion);
        assertThat(GitCli.git(git, "log", "-1", "--format=%s", "main")).startsWith("Roll back " + model + " 2");
        assertThat(report.at("/results/rollback/traffic").asInt()).isZero();
        assertThat(report.at("/results/rollback/commit").asText()).isEqualTo(tip);
        assertThat(report.at("/results/rollback/alias/after").asText()).isEqualTo("1");
        assertThat(registry().getVersionByAlias(model, "production").version()).isEqualTo("1");
        assertThat(registry().getVersion(model, "2").tags().get("mlgitops.rejected")).startsWith("canary of churn:2");
    }

    @Test
    void shouldRollBackALowerOnlineAccuracyAgainstStableAtTheFirstAnalysis() throws Exception {
        promoteCandidate();
        startStage("candidate-degraded.onnx", RATE);
        String promotion = GitCli.git(git, "rev-parse", "main").strip();
        Duration interval = Duration.ofSeconds(10);
        List<String> args = canary("--compare", "model-accuracy:direction=decrease,maxDecrease=0.1,critical=true",
                "--check", "request-success-rate:min=95");
        args.set(args.indexOf("--analysis-interval") + 1, interval.toSeconds() + "s");

        CliRun run = run(withFullRollback(args));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(stage.canaryWeights()).containsExactly(20, 0);
        Instant firstTraffic = stage.firstTime(20, Instant.EPOCH);
        Duration toZero = Duration.between(firstTraffic, stage.firstTime(0, firstTraffic));
        System.out.printf("Lower accuracy to 0%% traffic: %d ms (analysis interval %d ms)%n", toZero.toMillis(),
                interval.toMillis());
        assertThat(toZero).isLessThanOrEqualTo(interval.plusSeconds(3));
        JsonNode report = report();
        JsonNode accuracy = decision(report, "model-accuracy");
        assertThat(accuracy.path("decision").asText()).isEqualTo("FAIL");
        assertThat(accuracy.path("canary").asDouble()).isBetween(0.58, 0.75);
        assertThat(accuracy.path("stable").asDouble()).isBetween(0.76, 0.88);
        assertThat(accuracy.path("threshold").asText()).contains("Mann-Whitney");
        assertRolledBackInGitAndRegistry(promotion, report);
    }

    @Test
    void shouldHoldOnLowTrafficAndGoOnOnceTheDataIsThere() throws Exception {
        startStage("candidate.onnx", 4);
        CompletableFuture<Void> busier = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
                stage.addTraffic(RATE);
            }
            catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });

        CliRun run = run(withDefaultChecks(canary("--max-step-extension", "1m")));

        busier.get(1, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stage.canaryWeights()).containsExactly(20, 50, 100);
        JsonNode report = report();
        assertThat(report.at("/results/outcome").asText()).isEqualTo("PROMOTED");
        JsonNode first = report.at("/results/steps/0");
        assertThat(first.path("decisions")).anySatisfy(decision -> {
            assertThat(decision.path("decision").asText()).isEqualTo("NO_DATA");
            assertThat(decision.path("reason").asText()).contains("40");
        });
        assertThat(Duration.between(Instant.parse(first.path("startedAt").asText()),
                Instant.parse(first.path("endedAt").asText()))).isGreaterThan(Duration.ofSeconds(8).plus(INTERVAL));
        assertThat(run.err()).contains("Holding step 1 for lack of data");
    }

    @Test
    void shouldNotCountAMetricSourceOutageAsACanaryFailure() throws Exception {
        startStage("candidate.onnx", RATE);
        stage.onCanaryWeight(50, world -> {
            world.setPrometheusDown(true);
            CompletableFuture.delayedExecutor(6, TimeUnit.SECONDS).execute(() -> world.setPrometheusDown(false));
        });

        CliRun run = run(withDefaultChecks(canary()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stage.canaryWeights()).containsExactly(20, 50, 100);
        JsonNode report = report();
        assertThat(report.at("/results/outcome").asText()).isEqualTo("PROMOTED");
        assertThat(report.at("/results/decisions")).anySatisfy(decision ->
                assertThat(decision.path("decision").asText()).isEqualTo("ERROR"));
        assertThat(report.at("/results/decisions")).noneSatisfy(decision ->
                assertThat(decision.path("decision").asText()).isEqualTo("FAIL"));
        assertThat(run.err()).contains("The metric source failed (1 of 3 in a row)");
    }

    @Test
    void shouldResumeAKilledRunFromTheVirtualServiceAnnotation() throws Exception {
        startStage("candidate.onnx", RATE);
        List<String> args = withDefaultChecks(canary());
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("first-run.log").toFile()).start();
        try {
            stage.awaitCanaryWeight(50, Duration.ofSeconds(60));
            Thread.sleep(INTERVAL.toMillis());
        }
        finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        JsonNode left = JSON.readTree(stage.virtualService().at("/metadata/annotations")
                .path(CanaryStage.STATE_ANNOTATION).asText());
        assertThat(left.path("weight").asInt()).isEqualTo(50);
        assertThat(left.path("stepIndex").asInt()).isEqualTo(1);
        assertThat(left.path("decisions")).isNotEmpty();

        CliRun second = run(args);

        assertThat(second.exitCode()).as(second.err() + Files.readString(folder.resolve("first-run.log"),
                StandardCharsets.UTF_8)).isZero();
        assertThat(second.err()).contains("Resuming the rollout of churn:2", "at step 2 (weight 50%)");
        assertThat(stage.canaryWeights()).containsExactly(20, 50, 100);
        JsonNode report = report();
        assertThat(report.at("/results/outcome").asText()).isEqualTo("PROMOTED");
        assertThat(report.at("/results/steps")).extracting(step -> step.path("weight").asInt())
                .containsExactly(20, 50, 100);
        assertThat(report.at("/results/decisions").size()).isGreaterThan(left.path("decisions").size());
    }

    @Test
    void shouldFreezeAtTheCurrentWeightAndLeaveGitAndTheRegistryToAHuman() throws Exception {
        promoteCandidate();
        startStage("candidate.onnx", RATE);
        String promotion = GitCli.git(git, "rev-parse", "main").strip();
        stage.onCanaryWeight(50, world -> world.inject(Faults.errors(0.3)));

        CliRun frozen = run(withFullRollback(withDefaultChecks(canary("--rollback-mode", "freeze"))));

        assertThat(frozen.exitCode()).as(frozen.err()).isEqualTo(1);
        assertThat(stage.canaryWeights()).containsExactly(20, 50);
        assertThat(report().at("/results/outcome").asText()).isEqualTo("FROZEN");
        JsonNode state = JSON.readTree(stage.virtualService().at("/metadata/annotations")
                .path(CanaryStage.STATE_ANNOTATION).asText());
        assertThat(state.path("phase").asText()).isEqualTo("FROZEN");
        assertThat(GitCli.git(git, "rev-parse", "main").strip()).isEqualTo(promotion);
        assertThat(registry().getVersionByAlias(model, "production").version()).isEqualTo("2");

        CliRun again = run(withFullRollback(withDefaultChecks(canary())));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("frozen", "--abort");
        assertThat(stage.canaryWeights()).containsExactly(20, 50);

        CliRun aborted = run(withFullRollback(withDefaultChecks(canary("--abort"))));

        assertThat(aborted.exitCode()).as(aborted.err()).isEqualTo(1);
        assertThat(stage.canaryWeights()).containsExactly(20, 50, 0);
        assertRolledBackInGitAndRegistry(promotion, report());
    }
}
