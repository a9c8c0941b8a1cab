package io.mlgitops.gitops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a wait for the GitOps controller ended, with the state it last saw and the controller's own messages.
 *
 * @param application      namespace and name of the application, {@code argocd/churn-staging}
 * @param ending           why the wait ended
 * @param syncStatus       {@code Synced}, {@code OutOfSync}, {@code Unknown}, or empty
 * @param healthStatus     {@code Healthy}, {@code Progressing}, {@code Degraded}, {@code Suspended}, {@code Missing},
 *                         {@code Unknown}, or empty
 * @param revisions        the revisions the application reports as synced ({@code status.sync.revision}, or
 *                         {@code status.sync.revisions} for multi-source applications)
 * @param operationPhase   the last sync operation's phase ({@code Running}, {@code Succeeded}, {@code Failed},
 *                         {@code Error}, {@code Terminating}), or empty
 * @param operationMessage the last sync operation's message, or empty
 * @param healthMessage    the application's health message, or empty
 * @param conditions       the application's conditions, as {@code Type: message}
 * @param resourceMessages resources that failed to sync or are degraded, as {@code Kind/name: message}
 * @param waited           how long the wait took
 */
public record SyncOutcome(String application, Ending ending, String syncStatus, String healthStatus,
        List<String> revisions, String operationPhase, String operationMessage, String healthMessage,
        List<String> conditions, List<String> resourceMessages, Duration waited) {
    public SyncOutcome {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(ending, "ending");
        syncStatus = Objects.requireNonNullElse(syncStatus, "");
        healthStatus = Objects.requireNonNullElse(healthStatus, "");
        revisions = List.copyOf(revisions);
        operationPhase = Objects.requireNonNullElse(operationPhase, "");
        operationMessage = Objects.requireNonNullElse(operationMessage, "");
        healthMessage = Objects.requireNonNullElse(healthMessage, "");
        conditions = List.copyOf(conditions);
        resourceMessages = List.copyOf(resourceMessages);
        Objects.requireNonNull(waited, "waited");
    }

    /** Why a wait ended. */
    public enum Ending {
        /** The awaited revision is applied, synced and healthy. */
        SYNCED,
        /** The awaited revision is applied and the application is degraded. */
        DEGRADED,
        /** The sync operation of the awaited revision failed or ended in error. */
        SYNC_FAILED,
        /** None of the above happened in time. */
        TIMED_OUT
    }

    /** Whether the awaited revision is applied, synced and healthy. */
    public boolean synced() {
        return ending == Ending.SYNCED;
    }

    /** The first reported revision, or empty. */
    public String revision() {
        return revisions.isEmpty() ? "" : revisions.get(0);
    }

    /** Every message of the controller, most telling first: operation, health, conditions, resources. */
    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        if (!operationMessage.isEmpty()) {
            messages.add("operation " + operationPhase + ": " + operationMessage);
        }
        if (!healthMessage.isEmpty()) {
            messages.add("health " + healthStatus + ": " + healthMessage);
        }
        messages.addAll(conditions);
        messages.addAll(resourceMessages);
        return messages;
    }
}
