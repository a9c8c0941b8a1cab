package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Secret files on the agent (an SSH key, a kubeconfig): written into a fresh owner-only folder beside the workspace
 * ({@code <workspace>@tmp}, which Jenkins keeps out of archives), owner-only themselves, and deleted after the run.
 */
final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Writes the secret to {@code name} in a new owner-only folder.
     *
     * @param what   the secret, for messages ("the SSH key")
     * @param prefix the folder's name prefix
     * @return the folder; delete it with {@link #delete(Path)}
     * @throws InputException when the folder or file cannot be created; the message holds no secret
     */
    static Path write(final Path workspace, final String prefix, final String name, final String secret,
            final String what) throws InputException {
        Path folder = folder(workspace, prefix, what);
        Path file = folder.resolve(name);
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, secret.endsWith("\n") ? secret : secret + "\n", StandardCharsets.UTF_8);
            return folder;
        }
        catch (IOException cannotWrite) {
            delete(folder);
            throw new InputException("Cannot write " + what + " to a private file under " + folder + " ("
                    + cannotWrite.getClass().getSimpleName() + "): check the agent's disk and permissions.",
                    cannotWrite);
        }
    }

    private static Path folder(final Path workspace, final String prefix, final String what) throws InputException {
        Path parent = workspace.resolveSibling(workspace.getFileName() + "@tmp");
        try {
            Files.createDirectories(parent);
            if (POSIX) {
                return Files.createTempDirectory(parent, prefix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory(parent, prefix);
        }
        catch (IOException cannotCreate) {
            throw new InputException("Cannot create a private folder for " + what + " under " + parent + " ("
                    + cannotCreate.getClass().getSimpleName() + "): check the agent's disk and permissions.",
                    cannotCreate);
        }
    }

    /** Deletes the folder and everything in it; best effort, {@code null} is ignored. */
    static void delete(final Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ignored) {
            // best effort; the folder is owner-only
        }
    }
}
