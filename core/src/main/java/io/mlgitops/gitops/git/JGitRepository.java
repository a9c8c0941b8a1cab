package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.CommitInfo;
import io.mlgitops.gitops.CommitMessage;
import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.RepositoryFiles;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.gitops.TreeChange;
import io.mlgitops.net.Backoff;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.Transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link GitOpsRepository} port on JGit. Each operation takes the cache lock, fetches the branches it needs into
 * a bare clone in the cache, and, for a commit, builds the new commit from the tip without a working tree and pushes
 * it with compare-and-swap. When the push finds the branch moved, the lock is released, a jittered backoff passes,
 * and the change is computed again on the new tip, up to the retry policy's attempts.
 */
public final class JGitRepository implements GitOpsRepository {
    /** How many commits {@link #findByTrailer} and {@link #findLatest} read, newest first, before they stop. */
    public static final int HISTORY_LIMIT = 10_000;

    private final Connector connector;
    private final TransportFailures failures;
    private final CachedClone clone;
    private final CacheLock lock;
    private final RetryPolicy retry;
    private final ProgressListener progress;

    private JGitRepository(final Connector connector, final CachedClone clone, final CacheLock lock,
            final RepositorySettings settings) {
        this.connector = connector;
        this.failures = new TransportFailures(connector);
        this.clone = clone;
        this.lock = lock;
        this.retry = settings.retry();
        this.progress = settings.progress();
    }

    /**
     * Prepares the repository of {@code settings.remote()}; nothing is fetched yet.
     *
     * @throws InputException when the remote is malformed or carries a password, a credential cannot be read, or
     *                        the cache folder cannot be created
     */
    public static JGitRepository open(final RepositorySettings settings) throws InputException {
        RemoteLocation remote = RemoteLocation.parse(settings.remote());
        Path root;
        try {
            root = Files.createDirectories(settings.cacheRoot()).toRealPath();
        }
        catch (IOException cannotCreate) {
            throw new InputException("Cannot create the repository cache folder " + settings.cacheRoot() + " ("
                    + cannotCreate.getMessage() + "): check its permissions, or choose another folder.",
                    cannotCreate);
        }
        Connector connector = Connector.create(remote, settings);
        String name = remote.cacheName();
        return new JGitRepository(connector, new CachedClone(root.resolve(name + ".git"), remote),
                new CacheLock(root.resolve(name + ".lock")), settings);
    }

    @Override
    public CommitOutcome commit(final String branch, final TreeChange change, final CommitMessage message)
            throws MlGitOpsException {
        BranchNames.check(branch);
        AtomicReference<ObjectId> pushed = new AtomicReference<>();
        return attempts("push to branch " + branch, (cache, attempt) -> {
            ObjectId tip = tipOf(cache, branch);
            Optional<CommitOutcome> landed = landedEarlier(cache, pushed.get(), tip, branch, attempt);
            if (landed.isPresent()) {
                return landed;
            }
            Optional<ObjectId> commit = new ChangeWriter(cache).write(tip, change, message);
            if (commit.isEmpty()) {
                progress.info("Branch " + branch + " of " + connector.remote() + " already holds the change at "
                        + tip.abbreviate(10).name() + ": no commit.");
                return Optional.of(new CommitOutcome(false, tip.name(), branch, attempt));
            }
            pushed.set(commit.get());
            return push(cache, branch, commit.get(), tip, false, attempt);
        });
    }

    @Override
    public CommitOutcome commitToNewBranch(final String base, final String newBranch, final TreeChange change,
            final CommitMessage message) throws MlGitOpsException {
        BranchNames.check(base);
        BranchNames.check(newBranch);
        if (base.equals(newBranch)) {
            throw new InputException("The new branch " + newBranch + " is the base branch: name another branch.");
        }
        AtomicReference<ObjectId> pushed = new AtomicReference<>();
        return attempts("push to branch " + newBranch, (cache, attempt) -> {
            Map<String, ObjectId> tips = fetch(cache, List.of(base, newBranch));
            ObjectId baseTip = required(tips, base);
            ObjectId existing = tips.get(newBranch);
            if (existing != null && existing.equals(pushed.get())) {
                return Optional.of(new CommitOutcome(true, existing.name(), newBranch, attempt - 1));
            }
            RevCommit previous = existing == null ? null : parse(cache, existing);
            if (previous != null && !previous.getFullMessage().equals(message.fullMessage())) {
                throw new InputException("Branch " + newBranch + " of " + connector.remote() + " already exists with "
                        + "other commits (tip " + existing.abbreviate(10).name() + ": '" + previous.getShortMessage()
                        + "'): delete it or choose another branch name.");
            }
            Optional<ObjectId> commit = new ChangeWriter(cache).write(baseTip, change, message);
            if (commit.isEmpty()) {
                progress.info("Branch " + base + " of " + connector.remote() + " already holds the change: no branch "
                        + "created.");
                return Optional.of(new CommitOutcome(false, baseTip.name(), base, attempt));
            }
            RevCommit created = parse(cache, commit.get());
            if (previous != null && previous.getParentCount() == 1 && previous.getParent(0).equals(baseTip)
                    && previous.getTree().equals(created.getTree())) {
                return Optional.of(new CommitOutcome(false, existing.name(), newBranch, attempt));
            }
            pushed.set(commit.get());
            return push(cache, newBranch, commit.get(), existing == null ? ObjectId.zeroId() : existing,
                    existing != null, attempt);
        });
    }

    @Override
    public Optional<CommitInfo> findByTrailer(final String branch, final String key, final String value)
            throws MlGitOpsException {
        BranchNames.check(branch);
        return attempts("fetch branch " + branch,
                (cache, attempt) -> Optional.of(HistorySearch.find(cache, tipOf(cache, branch), key, value,
                        HISTORY_LIMIT)));
    }

    @Override
    public Optional<CommitInfo> findLatest(final String branch, final Predicate<CommitInfo> matching)
            throws MlGitOpsException {
        BranchNames.check(branch);
        return attempts("fetch branch " + branch,
                (cache, attempt) -> Optional.of(HistorySearch.find(cache, tipOf(cache, branch), matching,
                        HISTORY_LIMIT)));
    }

    @Override
    public boolean contains(final String branch, final String revision, final String commit)
            throws MlGitOpsException {
        BranchNames.check(branch);
        return attempts("fetch branch " + branch, (cache, attempt) -> {
            tipOf(cache, branch);
            return Optional.of(Ancestry.contains(cache, revision, commit));
        });
    }

    @Override
    public RepositoryFiles tip(final String branch) throws MlGitOpsException {
        BranchNames.check(branch);
        return attempts("fetch branch " + branch,
                (cache, attempt) -> Optional.of(new ChangeWriter(cache).files(tipOf(cache, branch))));
    }

    @Override
    public void close() {
        clone.close();
        connector.close();
    }

    /** One attempt of an operation, run under the cache lock. */
    @FunctionalInterface
    private interface Attempt<T> {
        /** @return the result, or empty when the branch moved under the push and the operation must run again */
        Optional<T> run(Repository cache, int attempt) throws MlGitOpsException, IOException;
    }

    private <T> T attempts(final String operation, final Attempt<T> attempt) throws MlGitOpsException {
        AtomicLong heldNanos = new AtomicLong();
        for (int number = 1; ; number++) {
            try {
                Optional<T> done = locked(attempt, number, heldNanos);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            catch (TransportException failure) {
                if (number >= retry.maxAttempts() || !failures.isRetryable(failure)) {
                    throw failures.explain(failure, operation, number);
                }
                progress.warn("Cannot " + operation + " at " + connector.remote() + " (" + failures.scrub(
                        failure.getMessage()) + "); trying again (attempt " + (number + 1) + " of "
                        + retry.maxAttempts() + ").");
            }
            catch (IOException failure) {
                throw clone.unusable(failure);
            }
            if (number >= retry.maxAttempts()) {
                throw new InputException(String.format("Cannot %s at %s: other writers moved the branch before each "
                        + "of %d attempts. Run again, or allow more attempts.", operation, connector.remote(),
                        number));
            }
            pause(number, Duration.ofNanos(heldNanos.get()));
        }
    }

    /** Runs one attempt under the cache lock and records how long it held the lock. */
    private <T> Optional<T> locked(final Attempt<T> attempt, final int number, final AtomicLong heldNanos)
            throws MlGitOpsException, IOException {
        CacheLock.Held held = lock.acquire();
        long acquired = System.nanoTime();
        try {
            return attempt.run(clone.open(), number);
        }
        finally {
            held.close();
            heldNanos.set(System.nanoTime() - acquired);
        }
    }

    private Optional<CommitOutcome> push(final Repository cache, final String branch, final ObjectId commit,
            final ObjectId expected, final boolean replace, final int attempt) throws IOException, InputException {
        CompareAndSwapPush.Outcome outcome;
        try (Transport transport = connector.open(cache)) {
            outcome = CompareAndSwapPush.push(transport, cache, branch, commit, expected, replace);
        }
        switch (outcome.verdict()) {
            case PUSHED -> {
                progress.info("Pushed " + commit.abbreviate(10).name() + " to " + branch + " of " + connector.remote()
                        + (attempt == 1 ? "." : " (attempt " + attempt + ")."));
                return Optional.of(new CommitOutcome(true, commit.name(), branch, attempt));
            }
            case MOVED -> {
                progress.warn("Branch " + branch + " of " + connector.remote() + " moved while pushing ("
                        + failures.scrub(outcome.detail()) + "); applying the change again to the new tip.");
                return Optional.empty();
            }
            default -> throw new InputException("The server of " + connector.remote() + " refused the push to "
                    + branch + ": " + failures.scrub(outcome.detail()) + ". Check branch protection and push "
                    + "permissions for this user.");
        }
    }

    /**
     * A commit this operation pushed earlier whose answer was lost (the connection broke after the server took it)
     * is now the tip or part of its history: the change has landed.
     */
    private static Optional<CommitOutcome> landedEarlier(final Repository cache, final ObjectId pushed,
            final ObjectId tip, final String branch, final int attempt) throws IOException {
        if (pushed == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(cache)) {
            if (pushed.equals(tip) || walk.isMergedInto(walk.parseCommit(pushed), walk.parseCommit(tip))) {
                return Optional.of(new CommitOutcome(true, pushed.name(), branch, attempt - 1));
            }
        }
        return Optional.empty();
    }

    private ObjectId tipOf(final Repository cache, final String branch) throws IOException, InputException {
        return required(fetch(cache, List.of(branch)), branch);
    }

    private Map<String, ObjectId> fetch(final Repository cache, final List<String> branches) throws IOException {
        try (Transport transport = connector.open(cache)) {
            return BranchFetcher.fetch(transport, cache, branches);
        }
    }

    private ObjectId required(final Map<String, ObjectId> tips, final String branch) throws InputException {
        ObjectId tip = tips.get(branch);
        if (tip == null) {
            throw new InputException("Branch " + branch + " does not exist in " + connector.remote() + ": check the "
                    + "branch name (" + Constants.R_HEADS + branch + " is not on the server).");
        }
        return tip;
    }

    private static RevCommit parse(final Repository cache, final ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(cache)) {
            return walk.parseCommit(commit);
        }
    }

    /**
     * Waits before the next attempt. The waits start from the time the failed attempt took (without waiting for the
     * lock) when that is longer than the initial backoff: writers that collided should spread over several push
     * durations, and a slow remote has long ones.
     */
    private void pause(final int attempt, final Duration took) throws InputException {
        Duration base = took.compareTo(retry.initialBackoff()) > 0 ? took : retry.initialBackoff();
        Duration wait = new Backoff(base.compareTo(retry.maxBackoff()) < 0 ? base : retry.maxBackoff(),
                retry.maxBackoff(), ThreadLocalRandom.current()).delay(attempt);
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while waiting to retry at " + connector.remote(), interrupted);
        }
    }
}
