package io.mlgitops.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes reports as JSON with their digest, and checks the digest of a report read back.
 */
public final class ReportJson {
    private static final String DIGEST = "digest";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * Loads and initialises the JSON machinery on a background thread, so that a command line that writes one
     * report at the end does not pay the library's start-up time on its critical path.
     */
    public static void preload() {
        Thread loader = new Thread(() -> new ReportJson().toJson(new Report<>(Report.SCHEMA_VERSION, "preload",
                Status.PASSED, "", "", Map.of(), Map.of(), List.of(), List.of(), "")), "mlgitops-json-preload");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
    }

    /** The report as a JSON tree, with its digest filled in. */
    public ObjectNode toTree(final Report<?> report) {
        ObjectNode tree = mapper.valueToTree(report.withDigest(""));
        tree.put(DIGEST, digest(tree));
        return tree;
    }

    /** The report as indented JSON text, with its digest. */
    public String toJson(final Report<?> report) {
        try {
            return mapper.writeValueAsString(toTree(report)) + System.lineSeparator();
        }
        catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A report tree could not be written as JSON", impossible);
        }
    }

    /** The SHA-256 of the canonical form of a report tree, ignoring its {@code digest} field. */
    public String digest(final JsonNode report) {
        ObjectNode withoutDigest = report.deepCopy();
        withoutDigest.remove(DIGEST);
        byte[] canonical = CanonicalJson.write(mapper, withoutDigest).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    /** Whether a report read back still carries the digest of its content. */
    public boolean hasValidDigest(final JsonNode report) {
        return report.hasNonNull(DIGEST) && report.get(DIGEST).asText().equals(digest(report));
    }

    /** Reads a report file as a JSON tree. */
    public JsonNode read(final Path file) throws InputException {
        try {
            return mapper.readTree(file.toFile());
        }
        catch (IOException e) {
            throw new InputException(file + " is not a readable JSON report: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report to a file: first to a temporary file beside it, then moved into place, so that a reader
     * never sees a half-written report.
     */
    public void write(final Report<?> report, final Path file) throws InputException {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, toJson(report), StandardCharsets.UTF_8);
                moveIntoPlace(temporary, target);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new InputException("Cannot write the report to " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }

    private static void moveIntoPlace(final Path temporary, final Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
