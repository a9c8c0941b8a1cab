package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes {@link FileDigest}s of files that an evaluation reads.
 */
public final class FileDigests {
    private static final int BUFFER_SIZE = 1 << 16;

    private FileDigests() {
    }

    /**
     * The SHA-256 and size of a file.
     *
     * @param file        the file to read
     * @param displayPath the path to record (as the user gave it, or relative to a model directory)
     * @throws InputException when the file cannot be read
     */
    public static FileDigest of(final Path file, final String displayPath) throws InputException {
        try (InputStream input = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER_SIZE];
            long size = 0;
            int read;
            while ((read = input.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                size += read;
            }
            return new FileDigest(displayPath, HexFormat.of().formatHex(digest.digest()), size);
        }
        catch (IOException failure) {
            throw new InputException(String.format("Cannot read %s (%s: %s). Check that the file exists and is "
                    + "readable.", file, failure.getClass().getSimpleName(), failure.getMessage()), failure);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    /** The digest of bytes already in memory (read from {@code displayPath}). */
    public static FileDigest of(final byte[] content, final String displayPath) {
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            return new FileDigest(displayPath, sha256, content.length);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
