package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.git.RemoteLocation.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteLocationTest {
    @Test
    void shouldRecogniseEachKindAndShowItWithoutUserInformation() throws InputException {
        assertKind("https://token@github.com/org/manifests.git", Kind.HTTP, "https://github.com/org/manifests.git");
        assertKind("http://127.0.0.1:8080/git/m.git", Kind.HTTP, "http://127.0.0.1:8080/git/m.git");
        assertKind("ssh://git@gitlab.example.com:2222/org/m.git", Kind.SSH, "ssh://gitlab.example.com:2222/org/m.git");
        assertKind("git@github.com:org/manifests.git", Kind.SSH, "github.com:org/manifests.git");
        assertKind("file:///srv/git/m.git", Kind.LOCAL, "file:///srv/git/m.git");
        assertKind("/srv/git/m.git", Kind.LOCAL, "/srv/git/m.git");
        assertKind("repos/m.git", Kind.LOCAL, Paths.get("repos/m.git").toAbsolutePath().toString());
    }

    @Test
    void shouldNameOneCacheFolderPerRepositoryWhateverTheUser() throws InputException {
        String plain = RemoteLocation.parse("https://github.com/org/m.git").cacheName();

        assertThat(plain).matches("[0-9a-f]{24}");
        assertThat(RemoteLocation.parse("https://bot@github.com/org/m.git").cacheName()).isEqualTo(plain);
        assertThat(RemoteLocation.parse("https://github.com/org/other.git").cacheName()).isNotEqualTo(plain);
    }

    @Test
    void shouldRefusePasswordsUnsupportedSchemesAndEmptyInput() {
        assertThatThrownBy(() -> RemoteLocation.parse("https://bot:ghp_secret@github.com/org/m.git"))
                .isInstanceOf(InputException.class).message().doesNotContain("ghp_secret").doesNotContain("bot");
        assertThatThrownBy(() -> RemoteLocation.parse("git://github.com/org/m.git"))
                .isInstanceOf(InputException.class).hasMessageContaining("unsupported scheme git");
        assertThatThrownBy(() -> RemoteLocation.parse(" ")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("The GitOps repository is empty");
    }

    private static void assertKind(final String remote, final Kind kind, final String shown) throws InputException {
        RemoteLocation location = RemoteLocation.parse(remote);

        assertThat(location.kind()).as(remote).isEqualTo(kind);
        assertThat(location).as(remote).hasToString(shown);
    }
}
