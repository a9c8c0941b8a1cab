package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryIdentifiersTest {
    @ParameterizedTest
    @CsvSource({
            "https://github.com/acme/ml-manifests.git, acme/ml-manifests",
            "https://github.com/acme/ml-manifests, acme/ml-manifests",
            "https://github.com/acme/ml-manifests/, acme/ml-manifests",
            "https://x-access-token:ghs_secret@github.com/acme/ml-manifests.git, acme/ml-manifests",
            "http://git.internal:8080/acme/ml-manifests.GIT, acme/ml-manifests",
            "git@github.com:acme/ml-manifests.git, acme/ml-manifests",
            "github.com:acme/ml-manifests, acme/ml-manifests",
            "ssh://git@github.com/acme/ml-manifests.git, acme/ml-manifests",
            "ssh://git@gitlab.example.com:2222/platform/ml/manifests.git, platform/ml/manifests",
            "git@gitlab.com:platform/ml/manifests.git, platform/ml/manifests",
            "https://gitlab.com/platform/ml/manifests.git, platform/ml/manifests",
            "git://git.example.com/acme/ml-manifests.git, acme/ml-manifests"
    })
    void shouldDeriveTheRepositoryFromARemote(final String remote, final String expected) throws InputException {
        assertThat(RepositoryIdentifiers.fromRemote(remote)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/git/manifests.git", "file:///srv/git/manifests.git", "../manifests", "C:\\repos\\x",
            "C:/repos/x"})
    void shouldRefuseLocalRepositories(final String remote) {
        assertThatThrownBy(() -> RepositoryIdentifiers.fromRemote(remote))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageEndingWith("is a local repository; pull requests need a repository on GitHub or GitLab. "
                        + "Use --mode push, or push to a hosted remote.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/", "https://github.com/.git", "git@host:~user/repo.git",
            "https://github.com/acme/../x"})
    void shouldRefuseRemotesWithoutARepositoryPath(final String remote) {
        assertThatThrownBy(() -> RepositoryIdentifiers.fromRemote(remote))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageContaining("it has no owner/name path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x-access-token:ghs_secret@github.com/", "https://bob:pw@github.com"})
    void shouldNeverShowCredentialsOfTheRemote(final String remote) {
        assertThatThrownBy(() -> RepositoryIdentifiers.fromRemote(remote))
                .isExactlyInstanceOf(InputException.class)
                .hasMessageNotContainingAny("ghs_secret", "pw@", "bob");
    }
}
