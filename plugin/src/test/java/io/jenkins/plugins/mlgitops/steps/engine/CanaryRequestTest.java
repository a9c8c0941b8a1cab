package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlCanary}'s parameters in the engine's terms: what is refused before anything moves, the check blocks in
 * the command line's grammar, and the mapping of an ended rollout to the step's values and verdict, on the local
 * router (in-process model servers for the churn example, short steps).
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

    private StepOutcome run(final CanaryRequest request) {
        return request.run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());
    }

    @Test
    void shouldNameTheWrongParameterBeforeAnythingMoves() {
        assertThat(run(local().router("linkerd")).problems()).singleElement().asString()
                .contains("mlCanary router must be istio, gateway-api, smi, kserve or local, got 'linkerd'");
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
        StepOutcome ended = request.continuing().run(workspace, NO_SECRETS, lines);

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

        StepOutcome again = request.continuing().run(workspace, NO_SECRETS, new ChurnWorkspace.Lines());
        assertThat(again.problems()).as("a repeated round does not start the rollout again").singleElement()
                .asString().contains("No rollout of onnx:models/candidate.onnx is stored");
        assertThat(Files.exists(workspace.resolve("state/canary.json"))).isFalse();
    }
}
