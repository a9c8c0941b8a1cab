package io.mlgitops.gitops.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PackLock;
import org.eclipse.jgit.transport.Transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads where branches point on the remote and brings their commits into the cached clone, over one connection. A
 * tip whose commit the clone already holds (the previous writer pushed it from this clone) costs only the ref
 * advertisement. Fetched tips are kept as {@code refs/remotes/origin/<branch>}, which also lets the next fetch
 * negotiate what it already has.
 */
final class BranchFetcher {
    static final String TRACKING = Constants.R_REMOTES + "origin/";

    private BranchFetcher() {
    }

    /** The tips of those of {@code branches} that exist on the remote, by branch name. */
    static Map<String, ObjectId> fetch(final Transport transport, final Repository cache,
            final Collection<String> branches) throws IOException {
        String[] patterns = branches.stream().map(branch -> Constants.R_HEADS + branch).toArray(String[]::new);
        try (FetchConnection connection = transport.openFetch(List.of(), patterns)) {
            Map<String, ObjectId> tips = new LinkedHashMap<>();
            List<Ref> wanted = new ArrayList<>();
            for (String branch : branches) {
                Ref ref = connection.getRef(Constants.R_HEADS + branch);
                if (ref == null || ref.getObjectId() == null) {
                    continue;
                }
                tips.put(branch, ref.getObjectId());
                if (!cache.getObjectDatabase().has(ref.getObjectId())) {
                    wanted.add(ref);
                }
            }
            try {
                if (!wanted.isEmpty()) {
                    connection.fetch(NullProgressMonitor.INSTANCE, wanted, Set.of());
                }
                for (Map.Entry<String, ObjectId> tip : tips.entrySet()) {
                    track(cache, tip.getKey(), tip.getValue());
                }
            }
            finally {
                for (PackLock lock : connection.getPackLocks()) {
                    lock.unlock();
                }
            }
            return tips;
        }
    }

    /** Records {@code commit} as the remote's tip of {@code branch} in the clone. */
    static void track(final Repository cache, final String branch, final ObjectId commit) throws IOException {
        RefUpdate update = cache.updateRef(TRACKING + branch);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot update " + TRACKING + branch + " (" + result + ")");
        }
    }
}
