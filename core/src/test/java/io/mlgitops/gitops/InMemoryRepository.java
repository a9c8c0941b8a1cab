package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A single-branch GitOps repository in memory, for tests of the promotion logic: commits are snapshots of the file
 * map, pushes are compare-and-swap on the tip, and a test can play another writer that pushes between our read and
 * our push. Trailers are parsed from the last paragraph like git does. (The JGit implementation has its own tests
 * against real git servers.)
 */
final class InMemoryRepository implements GitOpsRepository {
    private final List<Snapshot> commits = new ArrayList<>();
    private final List<Map<String, String>> interleaved = new ArrayList<>();
    private int maxAttempts = 10;

    private record Snapshot(String id, Map<String, byte[]> files, String message) {
    }

    InMemoryRepository(final Map<String, String> files) {
        Map<String, byte[]> initial = new HashMap<>();
        files.forEach((path, text) -> initial.put(path, text.getBytes(StandardCharsets.UTF_8)));
        commits.add(new Snapshot("c0", initial, "initial"));
    }

    /** Before our next push, another writer commits these file contents on the tip (once per call). */
    InMemoryRepository anotherWriterPushes(final Map<String, String> files) {
        interleaved.add(files);
        return this;
    }

    InMemoryRepository maxAttempts(final int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    synchronized String file(final String path) {
        return new String(tipSnapshot().files().get(path), StandardCharsets.UTF_8);
    }

    synchronized int commitCount() {
        return commits.size();
    }

    synchronized String lastMessage() {
        return tipSnapshot().message();
    }

    private Snapshot tipSnapshot() {
        return commits.get(commits.size() - 1);
    }

    private RepositoryFiles filesOf(final Snapshot snapshot) {
        return new RepositoryFiles() {
            @Override
            public String commit() {
                return snapshot.id();
            }

            @Override
            public Optional<byte[]> read(final String path) {
                return Optional.ofNullable(snapshot.files().get(path)).map(byte[]::clone);
            }
        };
    }

    private void push(final Map<String, byte[]> changed, final String message) {
        Map<String, byte[]> files = new HashMap<>(tipSnapshot().files());
        files.putAll(changed);
        commits.add(new Snapshot("c" + commits.size(), files, message));
    }

    @Override
    public synchronized CommitOutcome commit(final String branch, final TreeChange change,
            final CommitMessage message) throws MlGitOpsException {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Snapshot read = tipSnapshot();
            Map<String, byte[]> changed = change.apply(filesOf(read));
            if (changed.isEmpty()) {
                return new CommitOutcome(false, read.id(), branch, attempt);
            }
            if (!interleaved.isEmpty()) {
                Map<String, byte[]> theirs = new LinkedHashMap<>();
                interleaved.remove(0).forEach((path, text) -> theirs.put(path, text.getBytes(StandardCharsets.UTF_8)));
                push(theirs, "another writer");
            }
            if (tipSnapshot() == read) {
                push(changed, message.fullMessage());
                return new CommitOutcome(true, tipSnapshot().id(), branch, attempt);
            }
        }
        throw new InputException("gave up after " + maxAttempts + " attempts");
    }

    @Override
    public synchronized CommitOutcome commitToNewBranch(final String base, final String newBranch,
            final TreeChange change, final CommitMessage message) throws MlGitOpsException {
        Map<String, byte[]> changed = change.apply(filesOf(tipSnapshot()));
        return new CommitOutcome(!changed.isEmpty(), "pr-" + newBranch, newBranch, 1);
    }

    @Override
    public synchronized Optional<CommitInfo> findLatest(final String branch, final Predicate<CommitInfo> matching) {
        for (int index = commits.size() - 1; index >= 0; index--) {
            Snapshot snapshot = commits.get(index);
            CommitInfo info = new CommitInfo(snapshot.id(), snapshot.message(), Instant.EPOCH,
                    trailers(snapshot.message()));
            if (matching.test(info)) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> trailers(final String message) {
        String[] paragraphs = message.strip().split("\n\n");
        Map<String, String> trailers = new LinkedHashMap<>();
        if (paragraphs.length < 2) {
            return trailers;
        }
        for (String line : paragraphs[paragraphs.length - 1].split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                trailers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return trailers;
    }

    @Override
    public synchronized boolean contains(final String branch, final String revision, final String commit) {
        int later = indexOf(revision);
        int ours = indexOf(commit);
        return later >= 0 && ours >= 0 && later >= ours;
    }

    private int indexOf(final String id) {
        for (int index = 0; index < commits.size(); index++) {
            if (commits.get(index).id().equals(id)) {
                return index;
            }
        }
        return -1;
    }

    @Override
    public synchronized RepositoryFiles tip(final String branch) {
        return filesOf(tipSnapshot());
    }

    @Override
    public void close() {
        // nothing to release
    }
}
