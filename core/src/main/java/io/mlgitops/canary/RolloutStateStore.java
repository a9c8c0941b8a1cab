package io.mlgitops.canary;

import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Optional;

/**
 * Where a rollout keeps its durable state between changes: an annotation of the routed object, or a state file for
 * the local router. A restarted run reads it to resume, or to roll back what a dead run left behind.
 */
public interface RolloutStateStore {
    /** The saved state (JSON), or empty when no rollout is in progress. */
    Optional<String> load() throws MlGitOpsException;

    /** Saves the state, replacing the previous one. */
    void save(String json) throws MlGitOpsException;

    /** Removes the state once the rollout has ended (promoted or rolled back). */
    void clear() throws MlGitOpsException;
}
