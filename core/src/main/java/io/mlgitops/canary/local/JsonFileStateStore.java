package io.mlgitops.canary.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.RolloutStateStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The rollout state in a JSON file. Each save writes a temporary file beside it and renames it over the old one, so
 * a run killed while saving leaves the previous state or the new one, never half of either.
 */
public final class JsonFileStateStore implements RolloutStateStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonFileStateStore(final Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** @throws InputException when the file cannot be read or is not JSON (naming the file and what to do) */
    @Override
    public Optional<String> load() throws InputException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        catch (IOException unreadable) {
            throw new InputException(String.format("Cannot read the rollout state file %s (%s). Check its "
                    + "permissions.", file, unreadable.getMessage()), unreadable);
        }
        try {
            JSON.readTree(json);
        }
        catch (JsonProcessingException corrupt) {
            throw new InputException(String.format("The rollout state file %s is not JSON (%s). It is only ever "
                    + "replaced whole, so another program changed it: restore it, or delete it to start afresh "
                    + "(then set the traffic back by hand).", file, corrupt.getOriginalMessage()), corrupt);
        }
        return Optional.of(json);
    }

    /**
     * @throws InputException when the folder cannot be written
     * @throws IllegalArgumentException when {@code json} is not JSON
     */
    @Override
    public void save(final String json) throws InputException {
        try {
            JSON.readTree(json);
        }
        catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("The rollout state must be JSON: " + notJson.getOriginalMessage(),
                    notJson);
        }
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temporary, json, StandardCharsets.UTF_8);
                move(temporary);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException cannotWrite) {
            throw new InputException(String.format("Cannot write the rollout state file %s (%s). Check that its "
                    + "folder is writable.", file, cannotWrite.getMessage()), cannotWrite);
        }
    }

    private void move(final Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void clear() throws InputException {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException cannotDelete) {
            throw new InputException(String.format("Cannot delete the rollout state file %s (%s). Delete it by "
                    + "hand once the rollout is over.", file, cannotDelete.getMessage()), cannotDelete);
        }
    }

    @Override
    public String toString() {
        return "state file " + file;
    }
}
