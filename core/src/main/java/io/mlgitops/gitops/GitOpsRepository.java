package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Port: the GitOps repository (Argo CD or Flux apply what lands on its branches). Implementations keep a local clone
 * in a cache and fetch before each operation. Pushes are compare-and-swap: a push succeeds only if the branch still
 * points where it was read; otherwise the change is computed again on the new tip.
 */
public interface GitOpsRepository extends AutoCloseable {
    /**
     * Applies a change to the tip of a branch and pushes it, retrying with jittered backoff while other writers move
     * the branch, up to the retry policy's attempts.
     *
     * @throws ConflictException  when the change finds a value someone else set differently
     * @throws MlGitOpsException  when the repository cannot be reached or the attempts run out
     */
    CommitOutcome commit(String branch, TreeChange change, CommitMessage message) throws MlGitOpsException;

    /**
     * Creates {@code newBranch} from the tip of {@code base} with the change committed on it and pushes it (for a
     * pull request). An existing {@code newBranch} is replaced only when it holds a commit with the same message.
     */
    CommitOutcome commitToNewBranch(String base, String newBranch, TreeChange change, CommitMessage message)
            throws MlGitOpsException;

    /** The newest commit on the branch whose message has the trailer {@code key: value}, searching back in history. */
    default Optional<CommitInfo> findByTrailer(final String branch, final String key, final String value)
            throws MlGitOpsException {
        return findLatest(branch, commit -> value.equals(commit.trailers().get(key)));
    }

    /** The newest commit on the branch that matches, searching back in history (bounded, newest first). */
    Optional<CommitInfo> findLatest(String branch, Predicate<CommitInfo> matching) throws MlGitOpsException;

    /**
     * Whether {@code revision} is {@code commit} or a later commit on the branch that contains it, for example the
     * revision Argo CD reports after another promotion landed on top of ours. Fetches the branch first.
     */
    boolean contains(String branch, String revision, String commit) throws MlGitOpsException;

    /** The files at the tip of a branch. */
    RepositoryFiles tip(String branch) throws MlGitOpsException;

    @Override
    void close();
}
