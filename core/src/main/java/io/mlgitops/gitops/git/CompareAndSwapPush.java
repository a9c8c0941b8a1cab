package io.mlgitops.gitops.git;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pushes one commit to one branch only if the branch still points where it was read: the client checks the
 * advertised tip, and the server checks the old id of the update command under its ref lock, so two writers can
 * never both win.
 */
final class CompareAndSwapPush {
    /** What servers say when the ref moved between the advertisement and the update (git, JGit, hosting services). */
    private static final Pattern MOVED = Pattern.compile("(?i)cannot lock|failed to lock|lock error|lock failure"
            + "|failed to update ref|stale info|fetch first|non-fast-forward|but expected|invalid old id");

    /** How a push ended. */
    enum Verdict { PUSHED, MOVED, REFUSED }

    /** A verdict with the status and the server's message. */
    record Outcome(Verdict verdict, String detail) {
    }

    private CompareAndSwapPush() {
    }

    /**
     * @param expected the tip the commit was built on, or {@link ObjectId#zeroId()} for a branch that must not exist
     * @param replace  whether the new commit may replace a tip that is not its ancestor (a pull-request branch)
     */
    static Outcome push(final Transport transport, final Repository cache, final String branch,
            final ObjectId commit, final ObjectId expected, final boolean replace) throws IOException {
        String ref = Constants.R_HEADS + branch;
        RemoteRefUpdate update = new RemoteRefUpdate(cache, null, commit, ref, replace,
                BranchFetcher.TRACKING + branch, expected);
        PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        RemoteRefUpdate done = result.getRemoteUpdate(ref);
        String detail = done.getStatus() + (done.getMessage() == null ? "" : ": " + done.getMessage());
        return switch (done.getStatus()) {
            case OK, UP_TO_DATE -> new Outcome(Verdict.PUSHED, detail);
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> new Outcome(Verdict.MOVED, detail);
            case REJECTED_OTHER_REASON -> new Outcome(done.getMessage() != null
                    && MOVED.matcher(done.getMessage()).find() ? Verdict.MOVED : Verdict.REFUSED,
                    detail + serverMessages(result));
            default -> new Outcome(Verdict.REFUSED, detail + serverMessages(result));
        };
    }

    private static String serverMessages(final PushResult result) {
        String messages = result.getMessages() == null ? "" : result.getMessages().strip();
        return messages.isEmpty() ? "" : " (" + messages.replaceAll("\\s+", " ") + ")";
    }
}
