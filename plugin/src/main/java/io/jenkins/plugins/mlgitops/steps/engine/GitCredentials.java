package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.HttpsCredentials;
import io.mlgitops.gitops.SecretReference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The secret values of one Jenkins credential ({@code credentialsId}), resolved on the controller and carried to the
 * agent inside the step's request. They reach the engine as a {@link SecretSource} under names of their own
 * ({@code credentials:ID:password}, ...), which the engine's {@link HttpsCredentials} and SSH settings refer to, so
 * the engine sees Jenkins credentials exactly as the command line sees environment variables. Only
 * {@link #describe()} and {@link #toString()} appear in messages; neither shows a value.
 */
public final class GitCredentials implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of credential it was. */
    public enum Kind {
        /** No {@code credentialsId}: a public repository, or the agent's own SSH keys. */
        NONE,
        /** A user name and a password (or an access token used as the password). */
        USERNAME_PASSWORD,
        /** A secret text: an access token. */
        TOKEN,
        /** An SSH user name, private key and optional passphrase. */
        SSH_KEY
    }

    /** No credential. */
    public static final GitCredentials NONE = new GitCredentials(Kind.NONE, null, null, null, null, null);

    private final Kind kind;
    private final String id;
    private final String username;
    private final String secret;
    private final String privateKey;
    private final String passphrase;

    private GitCredentials(final Kind kind, final String id, final String username, final String secret,
            final String privateKey, final String passphrase) {
        this.kind = kind;
        this.id = id;
        this.username = username;
        this.secret = secret;
        this.privateKey = privateKey;
        this.passphrase = passphrase;
    }

    /** "Username with password" credentials. */
    public static GitCredentials usernamePassword(final String id, final String username, final String password) {
        return new GitCredentials(Kind.USERNAME_PASSWORD, Objects.requireNonNull(id, "id"),
                Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"), null,
                null);
    }

    /** "Secret text" credentials: an access token, sent as the password of {@code x-access-token}. */
    public static GitCredentials token(final String id, final String token) {
        return new GitCredentials(Kind.TOKEN, Objects.requireNonNull(id, "id"), null,
                Objects.requireNonNull(token, "token"), null, null);
    }

    /**
     * "SSH Username with private key" credentials.
     *
     * @param privateKeys the key texts (OpenSSH or PEM); the first is used
     * @param passphrase  the passphrase, or {@code null} (an empty one counts as none)
     */
    public static GitCredentials sshKey(final String id, final String username, final List<String> privateKeys,
            final String passphrase) {
        Objects.requireNonNull(id, "id");
        if (privateKeys == null || privateKeys.isEmpty() || privateKeys.get(0) == null
                || privateKeys.get(0).isBlank()) {
            throw new IllegalArgumentException("The SSH credentials '" + id + "' hold no private key.");
        }
        return new GitCredentials(Kind.SSH_KEY, id, username, null, privateKeys.get(0),
                passphrase == null || passphrase.isEmpty() ? null : passphrase);
    }

    public Kind kind() {
        return kind;
    }

    /** The credentials' id, or {@code null} for {@link #NONE}. */
    public String id() {
        return id;
    }

    /** The user name of SSH credentials, or {@code null}. */
    public String sshUsername() {
        return kind == Kind.SSH_KEY ? username : null;
    }

    /** The private key's text, or {@code null}. Written to an owner-only file on the agent for the engine. */
    String privateKey() {
        return privateKey;
    }

    /** The name under which the engine finds the HTTPS user name. */
    String usernameName() {
        return "credentials:" + id + ":username";
    }

    /** The name under which the engine finds the HTTPS password or token. */
    public String secretName() {
        return "credentials:" + id + (kind == Kind.TOKEN ? ":token" : ":password");
    }

    /** The name under which the engine finds the SSH key's passphrase. */
    String passphraseName() {
        return "credentials:" + id + ":passphrase";
    }

    /** The engine's HTTPS credentials: references to the names this class answers, never the values. */
    public HttpsCredentials https() {
        return switch (kind) {
            case USERNAME_PASSWORD -> HttpsCredentials.basic(SecretReference.variable(usernameName()),
                    SecretReference.variable(secretName()));
            case TOKEN -> HttpsCredentials.token(SecretReference.variable(secretName()));
            default -> HttpsCredentials.NONE;
        };
    }

    /** The reference to the SSH key's passphrase, or {@code null} when there is none. */
    public SecretReference passphraseReference() {
        return passphrase == null ? null : SecretReference.variable(passphraseName());
    }

    /** Whether the credential carries an HTTPS password or token that can also open pull requests. */
    public boolean hasHttpsSecret() {
        return kind == Kind.USERNAME_PASSWORD || kind == Kind.TOKEN;
    }

    /**
     * The secrets the engine looks up: this credential's values under their names, everything else from
     * {@code fallback} (the build's environment).
     */
    public SecretSource secrets(final SecretSource fallback) {
        Map<String, String> own = new TreeMap<>();
        if (kind == Kind.USERNAME_PASSWORD) {
            own.put(usernameName(), username);
        }
        if (secret != null) {
            own.put(secretName(), secret);
        }
        if (passphrase != null) {
            own.put(passphraseName(), passphrase);
        }
        return name -> {
            String value = own.get(name);
            return value != null ? Optional.of(value) : fallback.secret(name);
        };
    }

    /** The secret values, for masking: password or token, private key, passphrase (never the user name). */
    public List<String> secretValues() {
        List<String> values = new ArrayList<>();
        for (String value : new String[] {secret, privateKey, passphrase}) {
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    /** For messages: the kind and id, never a value. */
    public String describe() {
        return switch (kind) {
            case NONE -> "no credentials";
            case USERNAME_PASSWORD -> "the user name and password of credentials '" + id + "'";
            case TOKEN -> "the token of credentials '" + id + "'";
            case SSH_KEY -> "the SSH key of credentials '" + id + "'";
        };
    }

    @Override
    public String toString() {
        return "GitCredentials[" + kind + (id == null ? "" : ", " + id) + "]";
    }
}
