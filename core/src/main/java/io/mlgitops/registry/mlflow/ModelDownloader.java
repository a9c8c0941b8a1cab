package io.mlgitops.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * Downloads a model folder: every file the listing shows, recursively, into a temporary folder that is moved into
 * place only when complete. A marker beside the folder records where the files came from and their sizes, so that a
 * later call reuses a complete download of the same files.
 */
final class ModelDownloader {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_FILES = 10_000;
    private static final int BUFFER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MlflowApi api;

    ModelDownloader(final MlflowApi api) {
        this.api = api;
    }

    /** The marker of a download folder: {@code .VERSION.complete.json} beside it. */
    static Path marker(final Path target) {
        return target.resolveSibling("." + target.getFileName() + ".complete.json");
    }

    /** Whether {@code target} holds a complete download of the files of {@code origin}. */
    static boolean isComplete(final Path target, final String origin) {
        Path marker = marker(target);
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(marker)) {
            return false;
        }
        try {
            JsonNode recorded = JSON.readTree(marker.toFile());
            if (!origin.equals(recorded.path("origin").asText())) {
                return false;
            }
            for (Map.Entry<String, JsonNode> file : recorded.path("files").properties()) {
                Path path = target.resolve(file.getKey()).normalize();
                if (!path.startsWith(target) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(path) != file.getValue().asLong(-1)) {
                    return false;
                }
            }
            return recorded.path("files").size() > 0;
        }
        catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * Downloads the files of {@code source} into {@code target}, replacing what is there.
     *
     * @param origin identifies the files (server and artifact location); recorded in the marker
     */
    Path download(final ArtifactSource source, final String origin, final Path target) throws InputException {
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
            Map<String, Long> files = new TreeMap<>();
            fetchFolder(source, temporary, "", temporary, 0, files);
            if (files.isEmpty()) {
                throw new InputException(String.format("%s lists no files for this model version. Check that the "
                        + "version was logged with its model files.", source.describe()));
            }
            return moveIntoPlace(temporary, target, origin, files);
        }
        catch (IOException failure) {
            throw new InputException(String.format("Cannot write the model files to %s: %s. Check the cache folder "
                    + "and free disk space.", target, failure), failure);
        }
        finally {
            deleteQuietly(temporary);
        }
    }

    private void fetchFolder(final ArtifactSource source, final Path root, final String folder, final Path directory,
            final int depth, final Map<String, Long> files) throws InputException, IOException {
        if (depth > MAX_DEPTH) {
            throw new InputException(String.format("%s nests folders deeper than %d levels at '%s'; refusing to "
                    + "follow it.", source.describe(), MAX_DEPTH, folder));
        }
        for (ArtifactEntry entry : source.list(folder)) {
            Path child = SafePaths.child(root, directory, entry.path(), source.describe());
            String relative = folder.isEmpty() ? entry.path() : folder + "/" + entry.path();
            if (entry.directory()) {
                Files.createDirectory(child);
                fetchFolder(source, root, relative, child, depth + 1, files);
            }
            else {
                if (files.size() >= MAX_FILES) {
                    throw new InputException(String.format("%s lists more than %d files; refusing to download them.",
                            source.describe(), MAX_FILES));
                }
                files.put(relative, fetchFile(source.file(relative), child, entry.size(), relative, source));
            }
        }
    }

    private long fetchFile(final URI uri, final Path file, final long expected, final String relative,
            final ArtifactSource source) throws InputException, IOException {
        long written = 0;
        try (InputStream body = api.stream(uri).body();
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = receive(body, buffer, relative, source); read >= 0;
                    read = receive(body, buffer, relative, source)) {
                written += read;
                if (expected >= 0 && written > expected) {
                    break;
                }
                out.write(buffer, 0, read);
            }
        }
        if (expected >= 0 && written != expected) {
            throw new InputException(String.format("The download of '%s' from %s has %s bytes, but the listing says "
                    + "%d. The transfer was cut or the file changed; run the command again.", relative,
                    source.describe(), written > expected ? "more than " + expected : String.valueOf(written),
                    expected));
        }
        return written;
    }

    private static int receive(final InputStream body, final byte[] buffer, final String relative,
            final ArtifactSource source) throws InputException {
        try {
            return body.read(buffer);
        }
        catch (IOException broken) {
            throw new InputException(String.format("The download of '%s' from %s broke off (%s). Run the command "
                    + "again.", relative, source.describe(), broken.getMessage()), broken);
        }
    }

    private Path moveIntoPlace(final Path temporary, final Path target, final String origin,
            final Map<String, Long> files) throws IOException, InputException {
        Path marker = marker(target);
        Files.deleteIfExists(marker);
        deleteQuietly(Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? target : null);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrent) {
            if (isComplete(target, origin)) {
                return target;
            }
            throw new InputException(String.format("Another process is writing %s; run the command again when it "
                    + "is done.", target), concurrent);
        }
        ObjectNode record = JSON.createObjectNode().put("origin", origin);
        ObjectNode sizes = record.putObject("files");
        files.forEach(sizes::put);
        Path pending = Files.createTempFile(target.getParent(), marker.getFileName().toString(), ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(pending.toFile(), record);
        Files.move(pending, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static void deleteQuietly(final Path folder) {
        if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes)
                        throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path directory, final IOException failure)
                        throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException ignored) {
            // a leftover temporary folder is harmless; the next download uses a new one
        }
    }
}
