package io.mlgitops.gitops.git;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.regex.Pattern;

/** Whether one commit contains another in its history. */
final class Ancestry {
    /** Only commit ids: a reported revision must not resolve as a branch name or revision expression. */
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{7,40}");

    private Ancestry() {
    }

    /**
     * @param revision a commit id as a server reports it (full or abbreviated hex)
     * @param commit   the commit that must be {@code revision} or one of its ancestors
     * @return false too when {@code revision} is not a commit of the clone (not fetched, or not hex)
     */
    static boolean contains(final Repository cache, final String revision, final String commit) throws IOException {
        if (!COMMIT_ID.matcher(revision).matches() || !COMMIT_ID.matcher(commit).matches()) {
            return false;
        }
        ObjectId later = cache.resolve(revision + "^{commit}");
        ObjectId ours = cache.resolve(commit + "^{commit}");
        if (later == null || ours == null) {
            return false;
        }
        try (RevWalk walk = new RevWalk(cache)) {
            return walk.isMergedInto(walk.parseCommit(ours), walk.parseCommit(later));
        }
        catch (MissingObjectException notFetched) {
            return false;
        }
    }
}
