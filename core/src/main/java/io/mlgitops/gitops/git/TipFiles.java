package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.RepositoryFiles;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.util.Optional;

/**
 * The files of one commit, read from the cached clone's object database without a working tree.
 */
final class TipFiles implements RepositoryFiles {
    /** Manifests are small; a larger blob is not something a promotion should edit. */
    private static final int MAX_FILE_BYTES = 64 << 20;

    private final Repository repository;
    private final ObjectId commit;
    private final ObjectId tree;

    TipFiles(final Repository repository, final ObjectId commit, final ObjectId tree) {
        this.repository = repository;
        this.commit = commit;
        this.tree = tree;
    }

    @Override
    public String commit() {
        return commit.name();
    }

    @Override
    public Optional<byte[]> read(final String path) throws InputException {
        RepositoryPaths.segments(path);
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                return Optional.empty();
            }
            FileMode mode = walk.getFileMode(0);
            if (!TreeEditor.isFile(mode)) {
                throw new InputException(path + " is a " + TreeEditor.describe(mode) + " at commit " + commit.name()
                        + ", not a file: name the file to edit.");
            }
            return Optional.of(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes(MAX_FILE_BYTES));
        }
        catch (LargeObjectException tooLarge) {
            throw new InputException(path + " at commit " + commit.name() + " is larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB: manifests that large are not edited.", tooLarge);
        }
        catch (IOException unreadable) {
            throw new InputException("Cannot read " + path + " at commit " + commit.name() + " from the repository "
                    + "cache " + repository.getDirectory() + " (" + unreadable.getMessage() + "): delete that folder "
                    + "and run again.", unreadable);
        }
    }
}
