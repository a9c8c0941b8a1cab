package io.mlgitops.gitops.argocd;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static io.mlgitops.gitops.argocd.JsonFields.text;
import static io.mlgitops.gitops.argocd.JsonFields.texts;

/**
 * What an Argo CD {@code Application}'s {@code status} says at one moment: sync and health, the synced revisions,
 * the last sync operation, and the messages of conditions and of failing resources. Absent fields read as empty.
 *
 * @param syncStatus         {@code status.sync.status}
 * @param healthStatus       {@code status.health.status}
 * @param healthMessage      {@code status.health.message}
 * @param revisions          {@code status.sync.revision}, else {@code status.sync.revisions}
 * @param operationPhase     {@code status.operationState.phase}
 * @param operationMessage   {@code status.operationState.message}
 * @param operationRevisions the revisions the last operation synced or was asked to sync
 * @param operationStarted   {@code status.operationState.startedAt}, or {@code null}
 * @param conditions         {@code status.conditions[]} as {@code type: message}
 * @param resourceMessages   resources whose sync failed or whose health is degraded, as {@code Kind/name: message}
 */
record ApplicationState(String syncStatus, String healthStatus, String healthMessage, List<String> revisions,
        String operationPhase, String operationMessage, List<String> operationRevisions, Instant operationStarted,
        List<String> conditions, List<String> resourceMessages) {

    static ApplicationState of(final JsonNode application) {
        JsonNode status = application.path("status");
        JsonNode operation = status.path("operationState");
        List<String> operationRevisions = revisions(operation.path("syncResult"));
        operationRevisions.addAll(revisions(operation.path("operation").path("sync")));
        return new ApplicationState(text(status.path("sync").path("status")),
                text(status.path("health").path("status")), text(status.path("health").path("message")),
                revisions(status.path("sync")), text(operation.path("phase")), text(operation.path("message")),
                operationRevisions, instant(operation.path("startedAt")), conditions(status.path("conditions")),
                resourceMessages(status, operation));
    }

    /** The revision fields of a sync status, result or operation: {@code revision}, then {@code revisions}. */
    private static List<String> revisions(final JsonNode node) {
        List<String> found = new ArrayList<>();
        String single = text(node.path("revision"));
        if (!single.isEmpty()) {
            found.add(single);
        }
        found.addAll(texts(node.path("revisions")));
        return found;
    }

    private static List<String> conditions(final JsonNode conditions) {
        List<String> lines = new ArrayList<>();
        conditions.forEach(condition -> lines.add(text(condition.path("type")) + ": "
                + text(condition.path("message"))));
        return lines;
    }

    private static List<String> resourceMessages(final JsonNode status, final JsonNode operation) {
        List<String> lines = new ArrayList<>();
        operation.path("syncResult").path("resources").forEach(resource -> {
            if ("SyncFailed".equals(text(resource.path("status"))) || "Failed".equals(text(resource.path(
                    "hookPhase")))) {
                lines.add(resourceName(resource) + ": " + text(resource.path("message")));
            }
        });
        status.path("resources").forEach(resource -> {
            JsonNode health = resource.path("health");
            if ("Degraded".equals(text(health.path("status")))) {
                lines.add(resourceName(resource) + ": Degraded: " + text(health.path("message")));
            }
        });
        return lines;
    }

    private static String resourceName(final JsonNode resource) {
        return text(resource.path("kind")) + "/" + text(resource.path("name"));
    }

    private static Instant instant(final JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        }
        catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** A one-line summary for progress lines; equal summaries mean nothing worth reporting changed. */
    String summary() {
        StringBuilder line = new StringBuilder();
        line.append("sync ").append(orUnknown(syncStatus)).append(", health ").append(orUnknown(healthStatus))
                .append(", revision ").append(revisions.isEmpty() ? "none" : String.join(",", shortened(revisions)));
        if (!operationPhase.isEmpty()) {
            line.append(", operation ").append(operationPhase);
            if (!operationMessage.isEmpty()) {
                line.append(": ").append(operationMessage);
            }
        }
        return line.toString();
    }

    private static String orUnknown(final String value) {
        return value.isEmpty() ? "unknown" : value;
    }

    static List<String> shortened(final List<String> revisions) {
        return revisions.stream().map(ApplicationState::shortened).toList();
    }

    static String shortened(final String revision) {
        return revision.length() > 12 ? revision.substring(0, 12) : revision;
    }
}
