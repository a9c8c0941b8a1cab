package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.RepositorySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository parameters become the engine's settings on the agent. */
class RepositorySpecTest {
    private static final GitCredentials SSH = GitCredentials.sshKey("deploy", "git", List.of("KEY TEXT"), "pp-word");

    @TempDir
    private Path folder;

    @Test
    void shouldGiveAnSshRemoteTheUserOfTheCredentials() {
        Path workspace = folder.resolve("ws");
        RepositorySpec spec = new RepositorySpec("x", SSH, null, true, 10, null);

        assertThat(spec.remoteFor(workspace, "ssh://example.com:2222/org/repo.git"))
                .isEqualTo("ssh://git@example.com:2222/org/repo.git");
        assertThat(spec.remoteFor(workspace, "ssh://deployer@example.com/org/repo.git"))
                .isEqualTo("ssh://deployer@example.com/org/repo.git");
        assertThat(spec.remoteFor(workspace, "example.com:org/repo.git")).isEqualTo("git@example.com:org/repo.git");
        assertThat(spec.remoteFor(workspace, "me@example.com:org/repo.git")).isEqualTo("me@example.com:org/repo.git");
        assertThat(spec.remoteFor(workspace, "https://example.com/org/repo.git"))
                .isEqualTo("https://example.com/org/repo.git");
    }

    @Test
    void shouldResolveARelativePathAgainstTheWorkspace() {
        Path workspace = folder.resolve("ws");
        RepositorySpec spec = new RepositorySpec("x", null, null, true, 10, null);

        assertThat(spec.remoteFor(workspace, "gitops.git")).isEqualTo(workspace.resolve("gitops.git").toString());
        assertThat(spec.remoteFor(workspace, "ssh://example.com/repo.git")).isEqualTo("ssh://example.com/repo.git");
        assertThat(spec.credentials()).isSameAs(GitCredentials.NONE);
    }

    @Test
    void shouldWriteTheKeyToAnOwnerOnlyFileAndDeleteItAfterwards() throws Exception {
        Path workspace = Files.createDirectories(folder.resolve("ws"));
        RepositorySpec spec = new RepositorySpec("ssh://example.com/repo.git", SSH, "known_hosts", false, 3,
                null);
        Path key;

        try (RepositorySpec.Access access = spec.open(workspace, name -> Optional.empty(), ProgressListener.NONE)) {
            RepositorySettings settings = access.settings();
            key = settings.ssh().privateKey();
            assertThat(key).hasContent("KEY TEXT").startsWith(folder.resolve("ws@tmp"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
                    .isEqualTo("rwx------");
            assertThat(settings.ssh().knownHosts()).isEqualTo(workspace.resolve("known_hosts"));
            assertThat(settings.ssh().strictHostKeyChecking()).isFalse();
            assertThat(settings.ssh().passphrase().resolve(access.secrets())).isEqualTo("pp-word");
            assertThat(settings.remote()).isEqualTo("ssh://git@example.com/repo.git");
            assertThat(settings.retry().maxAttempts()).isEqualTo(3);
            assertThat(settings.cacheRoot()).isEqualTo(RepositorySettings.defaultCacheRoot());
        }

        assertThat(key).doesNotExist();
        assertThat(key.getParent()).doesNotExist();
    }

    @Test
    void shouldRequireARepository() {
        RepositorySpec spec = new RepositorySpec(" ", null, null, true, 10, null);

        assertThatThrownBy(() -> spec.open(folder, name -> Optional.empty(), ProgressListener.NONE))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("repository is required: the GitOps repository's URL or path, or set GitOps repository "
                        + "defaults in Manage Jenkins > System > ML GitOps.");
    }
}
