package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.HttpsCredentials;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jenkins credentials, as values, become the engine's secret references and secret source. */
class GitCredentialsTest {
    private static final SecretSource BUILD = name -> "MLFLOW_TRACKING_TOKEN".equals(name) ? Optional.of("mlflow-t")
            : Optional.empty();

    @Test
    void shouldGiveTheEngineAUserNameAndPasswordByReference() throws Exception {
        GitCredentials credentials = GitCredentials.usernamePassword("gitops", "ci-bot", "s3cret-pass");

        HttpsCredentials https = credentials.https();
        SecretSource secrets = credentials.secrets(BUILD);

        assertThat(https.username().variable()).isEqualTo("credentials:gitops:username");
        assertThat(https.password().variable()).isEqualTo("credentials:gitops:password");
        assertThat(https.token()).isNull();
        assertThat(https.username().resolve(secrets)).isEqualTo("ci-bot");
        assertThat(https.password().resolve(secrets)).isEqualTo("s3cret-pass");
        assertThat(secrets.secret("MLFLOW_TRACKING_TOKEN")).contains("mlflow-t");
        assertThat(credentials.secretValues()).containsExactly("s3cret-pass");
        assertThat(credentials.hasHttpsSecret()).isTrue();
    }

    @Test
    void shouldSendASecretTextAsAToken() throws Exception {
        GitCredentials credentials = GitCredentials.token("gh", "ghp_token_value");

        HttpsCredentials https = credentials.https();

        assertThat(https.token().resolve(credentials.secrets(BUILD))).isEqualTo("ghp_token_value");
        assertThat(https.username()).isNull();
        assertThat(https.describe()).isEqualTo("the token from the variable credentials:gh:token");
        assertThat(credentials.secretName()).isEqualTo("credentials:gh:token");
    }

    @Test
    void shouldKeepTheKeyForAFileAndThePassphraseByReference() throws Exception {
        GitCredentials credentials = GitCredentials.sshKey("deploy", "git", List.of("-----KEY-----\nabc\n"), "pp-word");

        assertThat(credentials.https().isNone()).isTrue();
        assertThat(credentials.privateKey()).isEqualTo("-----KEY-----\nabc\n");
        assertThat(credentials.sshUsername()).isEqualTo("git");
        assertThat(credentials.passphraseReference().resolve(credentials.secrets(BUILD))).isEqualTo("pp-word");
        assertThat(credentials.secretValues()).containsExactly("-----KEY-----\nabc\n", "pp-word");
        assertThat(credentials.hasHttpsSecret()).isFalse();
    }

    @Test
    void shouldTreatAnEmptyPassphraseAsNoneAndRefuseAnEmptyKey() {
        assertThat(GitCredentials.sshKey("deploy", "git", List.of("KEY"), "").passphraseReference()).isNull();
        assertThatThrownBy(() -> GitCredentials.sshKey("deploy", "git", List.of(), null))
                .hasMessage("The SSH credentials 'deploy' hold no private key.");
    }

    @Test
    void shouldAnswerOnlyTheBuildWithoutCredentials() {
        SecretSource secrets = GitCredentials.NONE.secrets(BUILD);

        assertThat(GitCredentials.NONE.https()).isEqualTo(HttpsCredentials.NONE);
        assertThat(GitCredentials.NONE.secretValues()).isEmpty();
        assertThat(secrets.secret("credentials:null:password")).isEmpty();
        assertThat(secrets.secret("MLFLOW_TRACKING_TOKEN")).contains("mlflow-t");
    }

    @Test
    void shouldNeverShowAValueInMessages() {
        GitCredentials credentials = GitCredentials.usernamePassword("gitops", "ci-bot", "s3cret-pass");

        assertThat(credentials.toString()).isEqualTo("GitCredentials[USERNAME_PASSWORD, gitops]")
                .doesNotContain("s3cret");
        assertThat(credentials.describe()).isEqualTo("the user name and password of credentials 'gitops'");
        assertThat(credentials.https().describe()).doesNotContain("s3cret");
    }

    @Test
    void shouldCrossTheAgentChannel() throws Exception {
        GitCredentials sent = GitCredentials.sshKey("deploy", "git", List.of("KEY TEXT"), "pp-word");

        GitCredentials received = roundTrip(sent);

        assertThat(received.kind()).isEqualTo(GitCredentials.Kind.SSH_KEY);
        assertThat(received.passphraseReference().resolve(received.secrets(BUILD))).isEqualTo("pp-word");
        assertThat(roundTrip(GitCredentials.NONE).kind()).isEqualTo(GitCredentials.Kind.NONE);
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(final T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
