package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.CommitMessage;
import io.mlgitops.gitops.TreeChange;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a change on a tip and writes it as a commit into the cached clone, without a working tree: the change reads
 * blobs of the tip's tree, the new tree is written with only the changed paths, and the commit has the tip as its
 * parent. Author and committer are the message's author, both dated now.
 */
final class ChangeWriter {
    private final Repository cache;

    ChangeWriter(final Repository cache) {
        this.cache = cache;
    }

    /** The tip's files, for reading without changing them. */
    TipFiles files(final ObjectId tip) throws IOException {
        try (RevWalk walk = new RevWalk(cache)) {
            RevCommit commit = walk.parseCommit(tip);
            return new TipFiles(cache, commit, commit.getTree());
        }
    }

    /**
     * @return the new commit, written and flushed; empty when the change returns no files or files that the tip
     *         already holds byte for byte
     */
    Optional<ObjectId> write(final ObjectId tip, final TreeChange change, final CommitMessage message)
            throws MlGitOpsException, IOException {
        try (ObjectReader reader = cache.newObjectReader();
                ObjectInserter inserter = cache.newObjectInserter();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = walk.parseCommit(tip);
            Map<String, byte[]> files = change.apply(new TipFiles(cache, parent, parent.getTree()));
            if (files.isEmpty()) {
                return Optional.empty();
            }
            ObjectId tree = new TreeEditor(reader, inserter).apply(parent.getTree(), files);
            if (tree.equals(parent.getTree())) {
                return Optional.empty();
            }
            PersonIdent who = new PersonIdent(message.authorName(), message.authorEmail(), Instant.now(),
                    ZoneId.systemDefault());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(parent);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setEncoding(StandardCharsets.UTF_8);
            commit.setMessage(message.fullMessage());
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return Optional.of(id);
        }
    }
}
