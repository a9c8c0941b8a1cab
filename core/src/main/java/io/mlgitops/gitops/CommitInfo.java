package io.mlgitops.gitops;

import java.time.Instant;
import java.util.Map;

/**
 * A commit found on a branch.
 *
 * @param commit   hex SHA-1
 * @param message  the full message
 * @param time     the commit time
 * @param trailers the message's trailers
 */
public record CommitInfo(String commit, String message, Instant time, Map<String, String> trailers) {
    public CommitInfo {
        trailers = Map.copyOf(trailers);
    }
}
