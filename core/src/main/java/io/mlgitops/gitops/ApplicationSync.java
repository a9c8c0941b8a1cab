package io.mlgitops.gitops;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;

import java.time.Duration;
import java.util.List;

/**
 * Port: waits until the GitOps controller (Argo CD) has applied a commit and the application is healthy.
 */
public interface ApplicationSync extends AutoCloseable {
    /**
     * Waits until the application reports {@code revision} (or, for multi-source applications, lists it among its
     * revisions), is {@code Synced} and {@code Healthy}; or until it fails on that revision ({@code Degraded}, or a
     * sync operation {@code Failed} or in {@code Error}); or until {@code timeout}. A revision the application
     * reports that is not {@code revision} never counts, even when synced and healthy.
     *
     * @param application the application's name
     * @param revision    the commit (full hex SHA-1) that must be applied
     * @param progress    receives a line whenever the application's state changes
     * @return how the wait ended, with the controller's own messages; a failure or timeout is an outcome, not an
     *         exception
     * @throws MlGitOpsException when the application does not exist, the cluster cannot be reached after retries, or
     *                           the credentials may not read the application
     */
    default SyncOutcome await(final String application, final String revision, final Duration timeout,
            final ProgressListener progress) throws MlGitOpsException {
        return await(application, revision, revision::equalsIgnoreCase, timeout, progress);
    }

    /**
     * Like {@link #await(String, String, Duration, ProgressListener)}, but any reported revision that
     * {@code includes} accepts counts: pass a check of git ancestry when later commits on the branch (other
     * promotions) may reach the cluster before this one is seen on its own.
     *
     * @param revision the commit waited for, shown in messages
     * @param includes whether a revision the application reports includes {@code revision}
     */
    SyncOutcome await(String application, String revision, RevisionCheck includes, Duration timeout,
            ProgressListener progress) throws MlGitOpsException;

    /**
     * The application's {@code spec.ignoreDifferences}: the fields the controller leaves alone when it compares git
     * with the cluster.
     *
     * @throws MlGitOpsException when the application does not exist or cannot be read
     */
    List<IgnoredDifference> ignoredDifferences(String application) throws MlGitOpsException;

    /** Releases the connection to the cluster. */
    @Override
    void close();

    /** Whether a revision reported by the controller includes the awaited commit. */
    @FunctionalInterface
    interface RevisionCheck {
        boolean includes(String reportedRevision) throws MlGitOpsException;
    }
}
