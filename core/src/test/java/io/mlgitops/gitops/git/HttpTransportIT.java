package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.HttpsCredentials;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.gitops.SecretReference;
import io.mlgitops.testing.git.GitCli;
import io.mlgitops.testing.git.GitHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.mlgitops.gitops.git.JGitRepositoryTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Smart HTTP against git's own {@code git http-backend} with Basic authentication.
 */
class HttpTransportIT {
    private static final String VALUES = "environments/prod/values.yaml";
    private static final String PASSWORD = "correct-horse-battery";
    private static final String TOKEN = "glpat-token-1234567890";
    private static final Map<String, String> VARIABLES = Map.of("GIT_USER", "alice", "GIT_PASSWORD", PASSWORD,
            "GIT_TOKEN", TOKEN, "WRONG_PASSWORD", "not-the-password");

    @TempDir
    Path temp;

    private Path bare;
    private GitHttpServer server;

    @BeforeEach
    void startServer() {
        bare = GitCli.bareRepository(temp, "manifests.git", Map.of(VALUES, "version: 3\n"));
        server = GitHttpServer.start(temp, Map.of("alice", PASSWORD), Set.of(TOKEN));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldPushWithUserAndPassword() throws Exception {
        HttpsCredentials basic = HttpsCredentials.basic(SecretReference.variable("GIT_USER"),
                SecretReference.variable("GIT_PASSWORD"));
        CommitOutcome outcome;
        try (GitOpsRepository repository = GitOpsRepositories.open(settings(basic))) {
            outcome = repository.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }

        assertThat(outcome.committed()).isTrue();
        assertThat(GitCli.git(bare, "rev-parse", "main").strip()).isEqualTo(outcome.commit());
        assertThat(GitCli.show(bare, VALUES)).isEqualTo("version: 4\n");
        assertThat(GitCli.trailerValues(bare, "Promotion-Id")).containsExactly("p-1");
    }

    @Test
    void shouldPushWithATokenFromAVariableOrAFile() throws Exception {
        Path tokenFile = Files.writeString(temp.resolve("token"), TOKEN + "\n");
        try (GitOpsRepository repository = GitOpsRepositories.open(settings(
                HttpsCredentials.token(SecretReference.variable("GIT_TOKEN"))))) {
            repository.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }
        try (GitOpsRepository repository = GitOpsRepositories.open(settings(
                HttpsCredentials.token(SecretReference.file(tokenFile))))) {
            repository.commit("main", new SetValue(VALUES, "version", "4", "5"), message("p-2"));
        }

        assertThat(GitCli.show(bare, VALUES)).isEqualTo("version: 5\n");
        assertThat(GitCli.trailerValues(bare, "Promotion-Id")).containsExactly("p-2", "p-1");
    }

    @Test
    void shouldExplainAWrongPasswordByItsVariableNeverItsValue() throws Exception {
        HttpsCredentials wrong = HttpsCredentials.basic(SecretReference.variable("GIT_USER"),
                SecretReference.variable("WRONG_PASSWORD"));
        try (GitOpsRepository repository = GitOpsRepositories.open(settings(wrong))) {
            assertThatThrownBy(() -> repository.commit("main", new SetValue(VALUES, "version", "3", "4"),
                    message("p-1")))
                    .isInstanceOf(InputException.class)
                    .hasMessage("%s refused the user name from the variable GIT_USER and the password from the "
                            + "variable WRONG_PASSWORD (not authorized): check the values, and that this user may "
                            + "access the repository.", server.url("manifests.git"))
                    .message().doesNotContain("not-the-password");
        }
        assertThat(server.refusedCredentials()).isPositive();
        assertThat(GitCli.commitCount(bare)).isEqualTo(1);
    }

    @Test
    void shouldAskForCredentialsWhenNoneWereGiven() throws Exception {
        try (GitOpsRepository repository = GitOpsRepositories.open(settings(HttpsCredentials.NONE))) {
            assertThatThrownBy(() -> repository.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(server.url("manifests.git") + " requires authentication and no "
                            + "credentials were given");
        }
    }

    @Test
    void shouldNameAMissingVariableBeforeConnecting() {
        HttpsCredentials unset = HttpsCredentials.token(SecretReference.variable("UNSET_TOKEN"));

        assertThatThrownBy(() -> GitOpsRepositories.open(settings(unset)))
                .isInstanceOf(InputException.class)
                .hasMessage("The variable UNSET_TOKEN is not set or empty: set it to the secret, or name another.");
    }

    @Test
    void shouldReportAMissingRepository() throws Exception {
        try (GitOpsRepository repository = GitOpsRepositories.open(settings(HttpsCredentials.token(
                SecretReference.variable("GIT_TOKEN"))).withRemote(server.url("missing.git")))) {
            assertThatThrownBy(() -> repository.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("No Git repository at " + server.url("missing.git"));
        }
    }

    @Test
    void shouldRetryAnUnreachableServerAndNameTheAttempts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RepositorySettings settings = settings(HttpsCredentials.NONE)
                .withRemote("http://127.0.0.1:" + port + "/git/manifests.git")
                .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20)));
        try (GitOpsRepository repository = GitOpsRepositories.open(settings)) {
            assertThatThrownBy(() -> repository.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("Cannot fetch branch main at http://127.0.0.1:" + port
                            + "/git/manifests.git (")
                    .hasMessageContaining("3 attempts, network timeout 60 s)")
                    .hasMessageEndingWith("check the URL, that the server is up, and your proxy settings.");
        }
    }

    private RepositorySettings settings(final HttpsCredentials credentials) {
        SecretSource secrets = name -> Optional.ofNullable(VARIABLES.get(name));
        return RepositorySettings.of(server.url("manifests.git"), temp.resolve("cache"))
                .withSecrets(secrets).withHttps(credentials);
    }
}
