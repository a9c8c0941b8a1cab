package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.URIish;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A repository on this machine, for trying the release flow without a server: a bare repository that promotions push
 * to, and a working clone beside it to look at the files.
 */
public final class LocalRepository {
    private LocalRepository() {
    }

    /**
     * Creates {@code bare} and {@code workingCopy}; the working copy commits {@code files} on {@code branch} and
     * pushes them to the bare repository, its {@code origin}.
     *
     * @return the bare repository's {@code file://} URL
     * @throws InputException when a folder exists and is not empty, or cannot be written
     */
    public static String create(final Path bare, final Path workingCopy, final String branch,
            final Map<String, byte[]> files, final String message, final PersonIdent author) throws InputException {
        requireEmpty(bare);
        requireEmpty(workingCopy);
        String url = "file://" + bare.toAbsolutePath().normalize();
        try {
            Git.init().setBare(true).setInitialBranch(branch).setDirectory(bare.toFile()).call().close();
            try (Git git = Git.init().setInitialBranch(branch).setDirectory(workingCopy.toFile()).call()) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path target = workingCopy.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
                git.add().addFilepattern(".").call();
                git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
                git.remoteAdd().setName("origin").setUri(new URIish(url)).call();
                git.push().setRemote("origin").add(branch).call();
                StoredConfig config = git.getRepository().getConfig();
                config.setString("branch", branch, "remote", "origin");
                config.setString("branch", branch, "merge", "refs/heads/" + branch);
                config.save();
                git.fetch().setRemote("origin").call();
            }
            return url;
        }
        catch (GitAPIException | IOException | URISyntaxException failed) {
            throw new InputException("Cannot create the local repository " + bare + " with its clone " + workingCopy
                    + ": " + failed.getMessage() + ". Choose a writable, empty folder.", failed);
        }
    }

    /** Fetches {@code origin} into the working copy and checks out its {@code branch} as it is there. */
    public static void update(final Path workingCopy, final String branch) throws InputException {
        try (Git git = Git.open(workingCopy.toFile())) {
            git.fetch().setRemote("origin").call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef("origin/" + branch).call();
        }
        catch (GitAPIException | IOException failed) {
            throw new InputException("Cannot update the working copy " + workingCopy + ": " + failed.getMessage(),
                    failed);
        }
    }

    private static void requireEmpty(final Path folder) throws InputException {
        try {
            if (Files.isDirectory(folder)) {
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new InputException(folder + " exists and is not empty; a new local repository needs "
                                + "an empty folder.");
                    }
                }
            }
        }
        catch (IOException unreadable) {
            throw new InputException("Cannot read " + folder + ": " + unreadable.getMessage(), unreadable);
        }
    }
}
