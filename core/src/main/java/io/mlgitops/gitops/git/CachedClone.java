package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bare clone of one remote in the cache folder, created on first use. Callers hold the {@link CacheLock}, so a
 * clone half made by a crashed run is found and made again before anyone else uses it.
 */
final class CachedClone implements AutoCloseable {
    private final Path directory;
    private final RemoteLocation remote;
    private Repository repository;

    CachedClone(final Path directory, final RemoteLocation remote) {
        this.directory = directory;
        this.remote = remote;
    }

    /** The clone, opened once per instance; the caller holds the cache lock. */
    synchronized Repository open() throws IOException {
        if (repository == null) {
            if (!RepositoryCache.FileKey.isGitRepository(directory.toFile(), FS.DETECTED)) {
                create();
            }
            repository = new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build();
        }
        return repository;
    }

    private void create() throws IOException {
        if (Files.exists(directory)) {
            FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE);
        }
        try (Repository created = FileRepositoryBuilder.create(directory.toFile())) {
            created.create(true);
            StoredConfig config = created.getConfig();
            config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                    ConfigConstants.CONFIG_KEY_LOGALLREFUPDATES, false);
            config.setString("mlgitops", null, "remote", remote.toString());
            config.save();
        }
    }

    /** The message for a clone that cannot be read or written. */
    InputException unusable(final IOException failure) {
        return new InputException("The repository cache " + directory + " of " + remote + " cannot be read or "
                + "written (" + failure.getMessage() + "): check the folder's permissions and free space, or delete "
                + "it and run again.", failure);
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.close();
            repository = null;
        }
    }
}
