package io.mlgitops.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Optional;

/** Reads and writes the durable rollout state through a router's state store. */
final class RolloutStates {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RolloutStateStore store;
    private final String where;

    /** @param where what the store belongs to, for messages */
    RolloutStates(final RolloutStateStore store, final String where) {
        this.store = store;
        this.where = where;
    }

    Optional<RolloutState> load() throws MlGitOpsException {
        Optional<String> saved = store.load();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(saved.get(), RolloutState.class));
        }
        catch (JsonProcessingException unreadable) {
            throw new InputException("The rollout state saved on " + where + " is not readable (" + unreadable
                    .getOriginalMessage() + "). Remove it, then run again.", unreadable);
        }
    }

    void save(final RolloutState state) throws MlGitOpsException {
        try {
            store.save(JSON.writeValueAsString(state));
        }
        catch (JsonProcessingException impossible) {
            throw new IllegalStateException("The rollout state could not be written as JSON", impossible);
        }
    }

    void clear() throws MlGitOpsException {
        store.clear();
    }
}
