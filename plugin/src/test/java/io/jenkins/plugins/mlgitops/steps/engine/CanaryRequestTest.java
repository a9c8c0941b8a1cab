package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code mlCanary}'s parameters in the engine's terms: what is refused before anything moves, the check blocks in
 * the command line's grammar, and the mapping of an ended rollout to the step's values and verdict, on the local
 * router (in-process model servers for the churn example, short steps). The Kubernetes routers are only translated
 * here (nothing is reached: every case is refused before); CanaryClusterTest runs them against a mock API server.
 */
class CanaryRequestTest {
    private static final SecretSource NO_SECRETS = name -> Optional.empty();

    @TempDir
    private Path workspace;

    private static CanaryRequest local() {
        return new CanaryRequest().router("local").candidate("onnx:models/candidate.onnx")
                .local("onnx:models/champion.onnx", "data/test.csv", "churned", null, 200, "state/canary.json")
                .schedule("50,100", "1s", "1s").policy(20, null, null, 1, 3, null, null)
                .check("request-success-rate:min=99,critical=true");
    }

    private static CanaryRequest istio() {
        return new CanaryRequest().router("istio").candidate("churn:7")
                .route("ml-serving", "churn-model", null, "churn-stable", "churn-canary")
                .prometheus("http://prometheus.monitoring:9090", null);
    }

    private RepositorySpec repository() {
        return new RepositorySpec(workspace.resolve("gitops.git").toString(), GitCredentials.NONE, null, true, 10,
                workspace.resolve("cache").toString());
    }

    private CanaryRequest withRepository(final CanaryRequest request) {
        return request.repository(repository(), "gitops", null, "CI <ci@example.com>", null);
    }

    private String problem(final CanaryRequest request) {
        List<String> problems = run(request).problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private StepOutcome run(final CanaryRequest request) {
        return run(request, new ChurnWorkspace.Lines());
    }

    private StepOutcome run(final CanaryRequest request, final ChurnWorkspace.Lines lines) {
        return request.round(GitCredentials.NONE, Map.of()).run(workspace, NO_SECRETS, lines);
    }

    @Test
    void shouldNameTheWrongParameterBeforeAnythingMoves() {
        assertThat(run(local().router("linkerd")).problems()).singleElement().asString()
                .contains("mlCanary router must be istio, gateway-api, smi, kserve, flagger, argo-rollouts or local, "
                        + "got 'linkerd'");
        assertThat(run(local().policy(20, null, null, 1, 3, "undo", null)).problems()).singleElement().asString()
                .contains("rollbackMode must be full, trafficOnly or freeze, got 'undo'");
        assertThat(run(local().schedule("10,abc", "1s", "1s")).problems()).singleElement().asString()
                .contains("steps must be percentages");
        assertThat(run(local().schedule("10,50", "1s", "1s")).problems()).singleElement().asString()
                .contains("canary steps must end at 100");
        assertThat(run(local().schedule(null, "soon", "1s")).problems()).singleElement().asString()
                .contains("mlCanary stepDuration must be a duration", "'soon'");
        assertThat(run(local().policy(20, "skip", null, 1, 3, null, null)).problems()).singleElement().asString()
                .contains("onNoData must be one of hold, fail, pass");
        assertThat(run(local().check("request-success-rate:minimum=99")).problems()).singleElement().asString()
                .contains("Malformed --check");
        assertThat(run(new CanaryRequest().router("istio").candidate("churn:7")
                .check("request-success-rate:min=99")).problems()).singleElement().asString()
                .contains("needs namespace and target");
        assertThat(run(new CanaryRequest().router("local").candidate("a")).problems()).singleElement().asString()
                .contains("needs stable, candidate and traffic");
        assertThat(run(local().aborting().candidate(" ")).status()).isEqualTo(StepOutcome.ERROR);
    }

    @Test
    void shouldWriteTheBlocksInTheCommandLinesGrammar() {
        assertThat(CanaryCheckSpec.named("request-success-rate").with("min", 99.0).with("max", null)
                .flag("critical", true).text()).isEqualTo("request-success-rate:min=99,critical=true");
        assertThat(CanaryCheckSpec.named("model-accuracy").direction("Decrease").with("maxDecrease", 0.02)
                .with("alpha", null).flag("critical", false).with("query", " ").text())
                .isEqualTo("model-accuracy:direction=decrease,maxDecrease=0.02");
    }

    @Test
    void shouldRollABadCandidateBackAndMapTheOutcome() throws Exception {
        ChurnWorkspace.create(workspace);
        CanaryRequest request = local().faults(null, 0.5).report("reports/canary.json");

        StepOutcome first = run(request);
        assertThat(first.status()).isEqualTo(CanaryRequest.IN_PROGRESS);
        assertThat(first.values()).containsEntry("outcome", "IN_PROGRESS").containsEntry("step", 1)
                .containsEntry("weight", 50);
        assertThat(workspace.resolve("state/canary.json")).exists();

        ChurnWorkspace.Lines lines = new ChurnWorkspace.Lines();
        StepOutcome ended = run(request.continuing(), lines);

        assertThat(ended.status()).isEqualTo(StepOutcome.FAILED);
        assertThat(ended.values()).containsEntry("outcome", "ROLLED_BACK").containsEntry("finalWeight", 0)
                .containsEntry("passed", false).containsKey("reason");
        assertThat((String) ended.values().get("reason")).contains("critical check failed");
        assertThat(ended.reportJson()).contains("\"kind\" : \"canary\"");
        assertThat(workspace.resolve("reports/canary.json")).exists();
        assertThat(lines.lines()).anySatisfy(line -> assertThat(line).contains("request-success-rate", "FAIL"));
        assertThat(StepVerdict.of("mlCanary", ended, false).decision()).isEqualTo(StepVerdict.Decision.FAIL);
        assertThat(StepVerdict.of("mlCanary", ended, true).decision()).isEqualTo(StepVerdict.Decision.UNSTABLE);
        assertThat(StepVerdict.of("mlCanary", ended, true).message()).contains("rolled back: a critical check");
        assertThat(workspace.resolve("state/canary.json")).doesNotExist();

        StepOutcome again = run(request.continuing());
        assertThat(again.problems()).as("a repeated round does not start the rollout again").singleElement()
                .asString().contains("No rollout of onnx:models/candidate.onnx is stored");
        assertThat(Files.exists(workspace.resolve("state/canary.json"))).isFalse();
    }

    @Test
    void shouldNameTheWrongGitOpsParameterAndTheFix() {
        List<String> canary = List.of("routes/vs.yaml:spec.http[0].route[1].weight=canary");
        assertThat(problem(istio().gitops("pull", canary, null, null, null)))
                .isEqualTo("mlCanary mode must be direct or gitops, got 'pull'");
        assertThat(problem(istio().gitops("gitops", canary, null, null, null))).startsWith(
                "mlCanary needs repository (the GitOps repository's URL or path) for mode: 'gitops'");
        assertThat(problem(withRepository(istio().gitops("GitOps", List.of(), null, null, null)))).startsWith(
                "mlCanary mode: 'gitops' needs weightFields: ['FILE:PATH=canary']");
        assertThat(problem(withRepository(istio().gitops("gitops", List.of("vs.yaml:spec.weight=50"), null, null,
                null)))).isEqualTo("mlCanary weightFields: a weight field must end in =canary or =stable, got "
                        + "'vs.yaml:spec.weight=50' (write 'FILE[#N|:Kind/name]:PATH=canary|stable')");
        assertThat(problem(withRepository(istio().gitops("gitops", List.of("spec.weight=canary"), null, null,
                null)))).startsWith("mlCanary weightFields: Malformed --set 'spec.weight=canary'");
        assertThat(problem(withRepository(istio().gitops("gitops", canary, "churn-prod", null, "soon"))))
                .startsWith("mlCanary syncTimeout must be a duration such as 30s, 10m, 2h or PT10M, got 'soon'");
        assertThat(problem(withRepository(local().gitops("gitops", canary, null, null, null)))).isEqualTo(
                "mlCanary mode: 'gitops' needs a router whose weights are manifest fields (istio, gateway-api, smi or "
                        + "kserve), not 'local': leave mode out.");
    }

    @Test
    void shouldKeepWhatTheControllersDoToThemAndPromoteNowToThem() {
        assertThat(flagger().runsInOneRound()).as("the step follows Flagger in one round").isTrue();
        assertThat(istio().runsInOneRound()).isFalse();
        assertThat(istio().dryRun(true).runsInOneRound()).isTrue();
        assertThat(problem(istio().promoteNow(true))).isEqualTo("mlCanary promoteNow asks Flagger or Argo Rollouts "
                + "to promote now; with router 'istio' leave it out (the step promotes once the last step passes).");
        for (CanaryRequest ignored : List.of(flagger().dryRun(true), flagger().rollbackRecord("promotion.json"),
                flagger().release("churn-prediction", "7", "production", null))) {
            assertThat(problem(ignored)).isEqualTo("mlCanary with router 'flagger' follows the controller, which "
                    + "analyses, promotes and rolls back itself: leave out dryRun, rollbackRecord, model/environment "
                    + "and promoteOnSuccess.");
        }
        assertThat(problem(new CanaryRequest().router("argo-rollouts").candidate("churn:7").promoteNow(true)))
                .isEqualTo("mlCanary with a cluster router needs namespace and target.");
        assertThat(problem(flagger().gitops("gitops", List.of(), null, null, null))).contains("mode: 'gitops' "
                + "needs a router whose weights are manifest fields", "not 'flagger'");
    }

    private static CanaryRequest flagger() {
        return new CanaryRequest().router("flagger").candidate("churn:7")
                .route("ml-serving", "churn-model", null, null, null);
    }

    @Test
    void shouldNameWhatTheFullRollbackAndThePromotionNeed() {
        List<EditSpec> edits = List.of(EditSpec.setImage("environments/production/kustomization.yaml",
                "registry.example.com/churn-model", null, "v{{version}}", null));
        assertThat(problem(local().rollbackRecord("promotion.json"))).isEqualTo("mlCanary needs repository (the "
                + "GitOps repository's URL or path) for mode: 'gitops', rollbackRecord, model and environment, and "
                + "promoteOnSuccess.");
        assertThat(problem(local().release("churn-prediction", null, "production", null))).startsWith(
                "mlCanary needs repository");
        assertThat(problem(withRepository(local().promoteOnSuccess(true, edits).release("churn-prediction", null,
                "production", "champion")))).isEqualTo("mlCanary promoteOnSuccess needs model, version, environment "
                        + "and promoteEdits: [setImage(...)] or [setValue(...)], the stable manifests to promote to.");
        assertThat(problem(withRepository(local().promoteOnSuccess(true, List.of()).release("churn-prediction", "7",
                "production", null)))).startsWith("mlCanary promoteOnSuccess needs");
        assertThat(problem(withRepository(local().promoteOnSuccess(true, List.of(EditSpec.setImage("k.yaml", " ",
                null, "v7", null)))).release("churn-prediction", "7", "production", null)))
                .isEqualTo("setImage(file: 'k.yaml') needs image: the name its images entry matches.");
        assertThat(problem(withRepository(local().rollbackRecord("promotion.json")).mlflowUrl("mlflow:5000")))
                .startsWith("mlflowUrl must be an http(s) URL");
        assertThat(problem(withRepository(local().rollbackRecord("promotion.json"))
                .repository(repository(), null, null, "nobody", null))).contains("nobody");
        assertThatThrownBy(() -> local().repository(repository().withCredentials(GitCredentials.token("gitops",
                "tok-123")), "gitops", null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A canary request keeps no credential: give its id, not GitCredentials[TOKEN, gitops]");
        assertThat(local().repository(repository(), " ", null, null, null).credentialsId()).isNull();
    }

    @Test
    void shouldMeasureAndDecideWithoutActingInADryRun() throws Exception {
        // a dry run moves no traffic, so the local router's candidate gets none: no data, passed on
        GitCli.require();
        ChurnWorkspace.create(workspace);
        Path git = GitCli.bareRepository(workspace, "gitops.git", Map.of("environments/production/"
                + "kustomization.yaml", "images:\n  - name: registry.example.com/churn-model\n    newTag: v1\n"));
        String tip = GitCli.git(git, "rev-parse", "main").strip();
        CanaryRequest request = withRepository(local().policy(20, "pass", null, 1, 3, null, "1m").dryRun(true)
                .promoteOnSuccess(true, List.of(
                EditSpec.setImage("environments/production/kustomization.yaml", "registry.example.com/churn-model",
                        null, "v{{version}}", null))).release("churn-prediction", "7", "production", null));
        ChurnWorkspace.Lines lines = new ChurnWorkspace.Lines();

        StepOutcome outcome = run(request, lines);

        assertThat(outcome.status()).as(outcome.problems().toString()).isEqualTo(StepOutcome.PASSED);
        assertThat(outcome.values()).containsEntry("outcome", "PROMOTED").containsEntry("dryRun", true)
                .containsEntry("finalWeight", 100).containsEntry("steps", List.of(50, 100))
                .containsEntry("promotionCommit", null).containsEntry("rollbackCommit", null);
        assertThat(outcome.summary().get(0)).contains("PROMOTED (dry run) at 100%");
        assertThat(lines.lines()).anySatisfy(line -> assertThat(line).contains("Dry run: would set the canary "
                + "weight to 50%"));
        assertThat(workspace.resolve("state/canary.json")).as("a dry run stores no state").doesNotExist();
        assertThat(GitCli.git(git, "rev-parse", "main").strip()).as("nor promotes").isEqualTo(tip);
    }
}
