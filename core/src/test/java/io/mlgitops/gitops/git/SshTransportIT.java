package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.SecretReference;
import io.mlgitops.gitops.SshCredentials;
import io.mlgitops.testing.git.GitCli;
import io.mlgitops.testing.git.GitSshServer;
import io.mlgitops.testing.git.SshKeyFiles;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mlgitops.gitops.git.JGitRepositoryTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SSH with public-key authentication against an Apache MINA sshd server running git's own pack commands, with host
 * keys checked against a known_hosts file.
 */
class SshTransportIT {
    private static final String VALUES = "environments/prod/values.yaml";
    private static final String PASSPHRASE = "open sesame";

    @TempDir
    Path temp;

    private Path bare;
    private Path ecdsaKey;
    private Path ed25519Key;
    private Path strangerKey;
    private Path knownHosts;
    private GitSshServer server;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        bare = GitCli.bareRepository(temp, "manifests.git", Map.of(VALUES, "version: 3\n"));
        ecdsaKey = temp.resolve("id_ecdsa");
        ed25519Key = temp.resolve("id_ed25519");
        strangerKey = temp.resolve("id_stranger");
        KeyPair ecdsa = SshKeyFiles.write(ecdsaKey, KeyPairProvider.ECDSA_SHA2_NISTP256, 256, null);
        KeyPair ed25519 = SshKeyFiles.write(ed25519Key, KeyPairProvider.SSH_ED25519, 256, PASSPHRASE);
        SshKeyFiles.write(strangerKey, KeyPairProvider.ECDSA_SHA2_NISTP256, 256, null);
        server = GitSshServer.start(temp, List.of(ecdsa.getPublic(), ed25519.getPublic()));
        knownHosts = Files.writeString(temp.resolve("known_hosts"), "github.com ssh-ed25519 "
                + "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n" + server.knownHostsLine());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldPushWithAKeyWhoseHostIsKnown() throws Exception {
        CommitOutcome outcome;
        try (GitOpsRepository repository = open(new SshCredentials(ecdsaKey, null, knownHosts, true))) {
            outcome = repository.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }

        assertThat(GitCli.git(bare, "rev-parse", "main").strip()).isEqualTo(outcome.commit());
        assertThat(GitCli.show(bare, VALUES)).isEqualTo("version: 4\n");
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldPushWithAnEncryptedEd25519Key() throws Exception {
        try (GitOpsRepository repository = open(new SshCredentials(ed25519Key,
                SecretReference.variable("KEY_PASSPHRASE"), knownHosts, true))) {
            repository.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }

        assertThat(GitCli.trailerValues(bare, "Promotion-Id")).containsExactly("p-1");
    }

    @Test
    void shouldRefuseAnUnknownHostAndSayHowToAddIt() throws Exception {
        Path otherHosts = Files.writeString(temp.resolve("other_hosts"), "");
        try (GitOpsRepository repository = open(new SshCredentials(ecdsaKey, null, otherHosts, true))) {
            assertThatThrownBy(() -> repository.commit("main", new SetValue(VALUES, "version", "3", "4"),
                    message("p-1")))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("is not in the known_hosts file " + otherHosts)
                    .hasMessageContaining("ssh-keyscan -p " + port() + " 127.0.0.1 >> " + otherHosts)
                    .hasMessageContaining("or turn strict host-key checking off");
        }
        assertThat(Files.readString(otherHosts)).isEmpty();
        assertThat(GitCli.commitCount(bare)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAHostWhoseKeyChanged() throws Exception {
        String impostor = "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(SshKeyFiles.write(
                temp.resolve("impostor"), KeyPairProvider.ECDSA_SHA2_NISTP256, 256, null).getPublic()) + "\n";
        Path changed = Files.writeString(temp.resolve("changed_hosts"), impostor);
        try (GitOpsRepository repository = open(new SshCredentials(ecdsaKey, null, changed, true))) {
            assertThatThrownBy(() -> repository.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("does not match the entries for that host in the known_hosts file");
        }
    }

    @Test
    void shouldAcceptAnyHostKeyWhenCheckingIsOffWithAWarning() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty_hosts"), "");
        try (GitOpsRepository repository = open(new SshCredentials(ecdsaKey, null, empty, false))) {
            repository.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }

        assertThat(GitCli.show(bare, VALUES)).isEqualTo("version: 4\n");
        assertThat(Files.readString(empty)).isEmpty();
        assertThat(warnings).singleElement().asString()
                .startsWith("SSH host-key checking is off: accepting the ecdsa-sha2-nistp256 SHA256:")
                .endsWith(" key of [127.0.0.1]:" + port() + " without verifying it.");
    }

    @Test
    void shouldExplainARefusedKey() throws Exception {
        try (GitOpsRepository repository = open(new SshCredentials(strangerKey, null, knownHosts, true))) {
            assertThatThrownBy(() -> repository.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("The SSH server of " + server.url("manifests.git").replace("git@", "")
                            + " refused the private key " + strangerKey);
        }
    }

    @Test
    void shouldExplainAWrongPassphraseByItsVariable() throws Exception {
        try (GitOpsRepository repository = open(new SshCredentials(ed25519Key,
                SecretReference.variable("WRONG_PASSPHRASE"), knownHosts, true))) {
            assertThatThrownBy(() -> repository.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("could not be read with the passphrase from the variable WRONG_PASSPHRASE")
                    .message().doesNotContain("not it");
        }
    }

    private int port() {
        String url = server.url("x");
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
    }

    private GitOpsRepository open(final SshCredentials credentials) throws InputException {
        Map<String, String> variables = Map.of("KEY_PASSPHRASE", PASSPHRASE, "WRONG_PASSPHRASE", "not it");
        return GitOpsRepositories.open(RepositorySettings.of(server.url("manifests.git"), temp.resolve("cache"))
                .withSecrets(name -> Optional.ofNullable(variables.get(name)))
                .withSsh(credentials)
                .withProgress(new ProgressListener() {
                    @Override
                    public void info(final String line) {
                        // not checked
                    }

                    @Override
                    public void warn(final String line) {
                        warnings.add(line);
                    }
                }));
    }
}
