package io.mlgitops.gitops;

/**
 * What a commit-and-push did.
 *
 * @param committed whether a new commit was pushed (false when the branch already held the wanted state)
 * @param commit    the new commit, or the tip that already held the state
 * @param branch    the branch pushed to
 * @param attempts  push attempts, 1 when nobody pushed in between
 */
public record CommitOutcome(boolean committed, String commit, String branch, int attempts) {
}
