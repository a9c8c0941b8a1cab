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

/**
 * Finds the newest commit whose message has a given trailer, walking every parent (promotions merged from pull
 * requests are found too) in commit-time order, newest first, up to a number of commits.
 */
final class HistorySearch {
    private HistorySearch() {
    }

    static Optional<CommitInfo> find(final Repository cache, final ObjectId tip, final String key, final String value,
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
                if (trailers.stream().anyMatch(trailer -> trailer.is(key, value))) {
                    return Optional.of(new CommitInfo(commit.name(), commit.getFullMessage(),
                            Instant.ofEpochSecond(commit.getCommitTime()), Trailers.firstValues(trailers)));
                }
            }
            return Optional.empty();
        }
    }
}
