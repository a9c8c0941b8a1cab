package io.mlgitops.canary.local;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFileStateStoreTest {
    @TempDir
    private Path folder;

    @Test
    void shouldHaveNoStateBeforeTheFirstSave() throws InputException {
        assertThat(new JsonFileStateStore(folder.resolve("state.json")).load()).isEmpty();
    }

    @Test
    void shouldReplaceTheStateWholeAndLeaveNoTemporaryFile() throws Exception {
        JsonFileStateStore store = new JsonFileStateStore(folder.resolve("rollouts/churn/state.json"));

        store.save("{\"step\":1,\"weight\":5}");
        store.save("{\"step\":2,\"weight\":25}");

        assertThat(store.load()).contains("{\"step\":2,\"weight\":25}");
        assertThat(new JsonFileStateStore(store.file()).load()).contains("{\"step\":2,\"weight\":25}");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void shouldForgetTheStateWhenCleared() throws InputException {
        JsonFileStateStore store = new JsonFileStateStore(folder.resolve("state.json"));
        store.save("{}");

        store.clear();
        store.clear();

        assertThat(store.load()).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void shouldRefuseToSaveWhatIsNotJson() {
        JsonFileStateStore store = new JsonFileStateStore(folder.resolve("state.json"));

        assertThatThrownBy(() -> store.save("{\"step\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The rollout state must be JSON");
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void shouldExplainACorruptStateFile() throws IOException {
        Path file = Files.writeString(folder.resolve("state.json"), "{\"step\": 2, \"wei");

        assertThatThrownBy(() -> new JsonFileStateStore(file).load()).isInstanceOf(InputException.class)
                .hasMessageStartingWith("The rollout state file " + file + " is not JSON (")
                .hasMessageEndingWith("restore it, or delete it to start afresh (then set the traffic back by "
                        + "hand).");
    }

    @Test
    void shouldNameTheFileThatCannotBeWritten() throws IOException {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "");

        assertThatThrownBy(() -> new JsonFileStateStore(blocker.resolve("state.json")).save("{}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Cannot write the rollout state file " + blocker.resolve("state.json"))
                .hasMessageEndingWith("Check that its folder is writable.");
    }
}
