package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RolloutSnapshot;
import io.mlgitops.canary.RolloutSnapshot.Outcome;
import io.mlgitops.canary.RolloutWatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a Flagger {@code Canary} and acts on it through Flagger's own fields. Flagger has no promote or abort
 * command; the nearest means through the Kubernetes API are:
 * <ul>
 * <li>promote: {@code spec.skipAnalysis: true}. Flagger then stops the analysis, promotes the canary at its next
 * interval (if the canary workload is healthy) and reports {@code Succeeded}. Left set, it would skip the analysis of
 * every later release too, so the value it had is kept in the annotation {@value #SKIP_ANALYSIS_BEFORE} and put back
 * by the first {@link #snapshot()} that sees the rollout finished. In phase {@code Waiting} (a closed
 * {@code confirm-rollout} gate) it takes effect only once the gate opens.</li>
 * <li>abort: {@code status.failedChecks} raised to the analysis {@code threshold}, through the status subresource.
 * Flagger compares the two at every interval while {@code Progressing} or {@code WaitingPromotion}, and at the
 * threshold routes all traffic back to the primary, scales the canary to zero and reports {@code Failed}, as after
 * failed metric checks. In other phases Flagger does not roll back, so abort refuses with the reason. Flagger counts
 * its own failed checks from its cached copy; should one of its writes replace ours within the same interval, call
 * abort again.</li>
 * </ul>
 * The alternative Flagger documents for a manual rollback, a {@code rollback} webhook answered by its load tester,
 * needs that webhook in the Canary and a network path to the load tester, so it is not used here. Both fields are
 * in the Canary that git holds: under Argo CD with self-heal, {@code /spec/skipAnalysis} needs an
 * {@code ignoreDifferences} entry too. Permissions: get and patch on {@code canaries.flagger.app} and patch on
 * {@code canaries.flagger.app/status}.
 */
final class FlaggerWatcher implements RolloutWatcher {
    static final String SKIP_ANALYSIS_BEFORE = "mlgitops.io/skip-analysis-before-promote";

    private static final String SKIP_ANALYSIS = "/spec/skipAnalysis";
    private static final String UNSET = "unset";
    private static final Set<String> ABORTABLE = Set.of("Progressing", "WaitingPromotion");
    private static final Set<String> PROMOTING = Set.of("Promoting", "Finalising");

    private final KubernetesObject canary;

    FlaggerWatcher(final KubernetesObject canary) {
        this.canary = canary;
    }

    @Override
    public String description() {
        return canary.description();
    }

    @Override
    public RolloutSnapshot snapshot() throws InputException {
        JsonNode current = canary.read();
        RolloutSnapshot snapshot = FlaggerStatus.snapshot(current);
        if (snapshot.outcome() != Outcome.RUNNING
                && JsonPatch.annotation(current, SKIP_ANALYSIS_BEFORE).isPresent()) {
            canary.modify(FlaggerWatcher::restoreSkipAnalysis);
        }
        return snapshot;
    }

    @Override
    public void promote() throws InputException {
        canary.modify(current -> {
            String phase = phase(current);
            if (FlaggerStatus.SUCCEEDED.equals(phase) || current.at(SKIP_ANALYSIS).asBoolean(false)) {
                return List.of();
            }
            if (FlaggerStatus.FAILED.contains(phase)) {
                throw new InputException(String.format("%s is %s: Flagger has already rolled it back and starts a "
                        + "new analysis only when its target changes. Push the release again to retry it.",
                        description(), phase));
            }
            JsonNode before = current.at(SKIP_ANALYSIS);
            return List.of(JsonPatch.add(SKIP_ANALYSIS, BooleanNode.TRUE), JsonPatch.setAnnotation(current,
                    SKIP_ANALYSIS_BEFORE, before.isBoolean() ? before.asText() : UNSET));
        });
    }

    @Override
    public void abort() throws InputException {
        canary.modify("status", current -> {
            String phase = phase(current);
            if (FlaggerStatus.FAILED.contains(phase)) {
                return List.of();
            }
            if (FlaggerStatus.SUCCEEDED.equals(phase) || PROMOTING.contains(phase)) {
                throw new InputException(String.format("%s is %s: Flagger has already promoted the canary, so it "
                        + "can no longer be rolled back through Flagger. Revert the release in git.", description(),
                        phase));
            }
            if (!ABORTABLE.contains(phase)) {
                throw new InputException(String.format("%s is %s, and Flagger rolls back only while Progressing or "
                        + "WaitingPromotion: the canary receives no traffic yet. Keep its confirm-rollout gate "
                        + "closed, or revert the release in git.", description(), phase.isEmpty()
                        ? "without a phase" : phase));
            }
            return List.of(JsonPatch.add("/status/failedChecks", FlaggerStatus.threshold(FlaggerStatus.analysis(
                    current))));
        });
    }

    @Override
    public void close() {
        canary.close();
    }

    private static String phase(final JsonNode current) {
        return Fields.text(current.path("status").path("phase"));
    }

    private static List<ObjectNode> restoreSkipAnalysis(final JsonNode current) {
        Optional<String> before = JsonPatch.annotation(current, SKIP_ANALYSIS_BEFORE);
        List<ObjectNode> operations = new ArrayList<>();
        if (before.isEmpty()) {
            return operations;
        }
        if (!UNSET.equals(before.get())) {
            operations.add(JsonPatch.add(SKIP_ANALYSIS, BooleanNode.valueOf(Boolean.parseBoolean(before.get()))));
        }
        else if (!current.at(SKIP_ANALYSIS).isMissingNode()) {
            operations.add(JsonPatch.remove(SKIP_ANALYSIS));
        }
        operations.add(JsonPatch.removeAnnotation(SKIP_ANALYSIS_BEFORE));
        return operations;
    }
}
