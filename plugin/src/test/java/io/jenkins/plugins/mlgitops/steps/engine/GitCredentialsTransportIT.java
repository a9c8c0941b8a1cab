package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.testing.git.GitCli;
import io.mlgitops.testing.git.GitHttpServer;
import io.mlgitops.testing.git.GitSshServer;
import io.mlgitops.testing.git.SshKeyFiles;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jenkins credentials, as {@code mlPromote} carries them to the agent, authenticate the engine's pushes: a user name
 * and password and a token against a smart-HTTP git server with basic authentication, an encrypted SSH key against
 * an SSH server whose host key is in a known_hosts file. No secret value reaches the step's log lines.
 */
class GitCredentialsTransportIT {
    private static final String FILE = "values.yaml";

    @TempDir
    private Path folder;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void info(final String line) {
            log.add(line);
        }

        @Override
        public void warn(final String line) {
            log.add(line);
        }
    };

    private StepOutcome promote(final String remote, final GitCredentials credentials, final String knownHosts)
            throws Exception {
        Path workspace = Files.createDirectories(folder.resolve("workspace"));
        return new PromoteRequest().model("churn").version("4").environment("staging")
                .repository(new RepositorySpec(remote, credentials, knownHosts, true, 3,
                        folder.resolve("cache").toString()))
                .edits(List.of(EditSpec.setValue(FILE, "model.version", "{{version}}", null)))
                .author("CI <ci@example.com>").buildEnvironment(Map.of())
                .runMasked(workspace, name -> Optional.empty(), progress);
    }

    @Test
    void shouldPushOverHttpsWithAUserNameAndPasswordOrAToken() throws Exception {
        Path bare = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, "model:\n  version: \"3\"\n"));
        try (GitHttpServer server = GitHttpServer.start(folder, Map.of("ci-bot", "pass-word-1"),
                Set.of("token-value-2"))) {
            StepOutcome wrong = promote(server.url("gitops.git"), GitCredentials.usernamePassword("gitops",
                    "ci-bot", "not-the-password"), null);
            StepOutcome basic = promote(server.url("gitops.git"), GitCredentials.usernamePassword("gitops",
                    "ci-bot", "pass-word-1"), null);

            assertThat(wrong.status()).isEqualTo("ERROR");
            assertThat(wrong.problems().toString()).doesNotContain("not-the-password");
            assertThat(basic.status()).as(basic.problems().toString()).isEqualTo("PASSED");
            assertThat(GitCli.show(bare, FILE)).isEqualTo("model:\n  version: \"4\"\n");

            Path second = GitCli.bareRepository(folder, "tokens.git", Map.of(FILE, "model:\n  version: \"3\"\n"));
            StepOutcome token = promote(server.url("tokens.git"), GitCredentials.token("gh", "token-value-2"), null);

            assertThat(token.status()).as(token.problems().toString()).isEqualTo("PASSED");
            assertThat(GitCli.show(second, FILE)).isEqualTo("model:\n  version: \"4\"\n");
        }
        assertThat(String.join("\n", log)).doesNotContain("pass-word-1", "token-value-2", "not-the-password");
    }

    @Test
    void shouldPushOverSshWithAnEncryptedKeyFromTheCredentials() throws Exception {
        Path bare = GitCli.bareRepository(folder, "gitops.git", Map.of(FILE, "model:\n  version: \"3\"\n"));
        Path keyFile = folder.resolve("id_ed25519");
        KeyPair key = SshKeyFiles.write(keyFile, KeyPairProvider.SSH_ED25519, 256, "pass-phrase-3");
        String keyText = Files.readString(keyFile);
        Files.delete(keyFile);
        try (GitSshServer server = GitSshServer.start(folder, List.of(key.getPublic()))) {
            Path knownHosts = Files.writeString(folder.resolve("known_hosts"), server.knownHostsLine());
            String remote = server.url("gitops.git").replace("ssh://git@", "ssh://");

            StepOutcome outcome = promote(remote, GitCredentials.sshKey("deploy", "git", List.of(keyText),
                    "pass-phrase-3"), knownHosts.toString());

            assertThat(outcome.status()).as(outcome.problems().toString()).isEqualTo("PASSED");
            assertThat(GitCli.show(bare, FILE)).isEqualTo("model:\n  version: \"4\"\n");
        }
        assertThat(String.join("\n", log)).doesNotContain("pass-phrase-3");
        try (var left = Files.list(folder.resolve("workspace@tmp"))) {
            assertThat(left).as("the key file is deleted").isEmpty();
        }
    }
}
