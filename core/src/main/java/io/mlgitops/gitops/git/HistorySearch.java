package io.mlgitops.gitops.git;

import io.mlgitops.gitops.CommitInfo;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the newest commit that matches (for example by a trailer of its message), walking every parent (promotions
 * merged from pull requests are found too) in commit-time order, newest first, up to a number of commits.
 */
final class HistorySearch {
    private HistorySearch() {
    }

    /** The newest commit with the trailer {@code key: value} (any of several trailers with that key counts). */
    static Optional<CommitInfo> find(final Repository cache, final ObjectId tip, final String key, final String value,
            final int limit) throws IOException {
        return find(cache, tip, commit -> Trailers.parse(commit.message()).stream()
                .anyMatch(trailer -> trailer.is(key, value)), limit);
    }

    static Optional<CommitInfo> find(final Repository cache, final ObjectId tip, final Predicate<CommitInfo> matching,
            final int limit) throws IOException {
        try (RevWalk walk = new RevWalk(cache)) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(tip));
            int seen = 0;
            for (RevCommit commit : walk) {
                if (++seen > limit) {
                    break;
                }
                List<Trailers.Trailer> trailers = Trailers.parse(commit.getFullMessage());
                CommitInfo info = new CommitInfo(commit.name(), commit.getFullMessage(),
                        Instant.ofEpochSecond(commit.getCommitTime()), Trailers.firstValues(trailers));
                if (matching.test(info)) {
                    return Optional.of(info);
                }
            }
            return Optional.empty();
        }
    }
}
