package io.mlgitops.cli;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.gitops.HttpsCredentials;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.gitops.SecretReference;
import io.mlgitops.gitops.SshCredentials;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * How to reach the GitOps repository. Secrets are named, never given: environment variables or files.
 */
final class RepositoryOptions {
    @Option(names = "--repo", paramLabel = "URL|PATH",
            description = "The GitOps repository: https://, ssh://, git@host:org/repo.git, file:// or a local path.")
    private String remote;

    @Option(names = "--git-username-env", paramLabel = "VAR", description = "Variable holding the HTTPS user name.")
    private String usernameVariable;

    @Option(names = "--git-password-env", paramLabel = "VAR", description = "Variable holding the HTTPS password.")
    private String passwordVariable;

    @Option(names = "--git-password-file", paramLabel = "FILE", description = "File holding the HTTPS password.")
    private Path passwordFile;

    @Option(names = "--git-token-env", paramLabel = "VAR",
            description = "Variable holding an HTTPS access token (sent as the password of user x-access-token).")
    private String tokenVariable;

    @Option(names = "--git-token-file", paramLabel = "FILE", description = "File holding an HTTPS access token.")
    private Path tokenFile;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "SSH private key (default: ~/.ssh keys).")
    private Path sshKey;

    @Option(names = "--ssh-passphrase-env", paramLabel = "VAR", description = "Variable holding the key's passphrase.")
    private String passphraseVariable;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file (default: ~/.ssh/known_hosts).")
    private Path knownHosts;

    @Option(names = "--no-strict-host-key-checking",
            description = "Accept any SSH host key (not recommended: a man in the middle could read the push).")
    private boolean insecureHostKeys;

    @Option(names = "--git-cache-dir", paramLabel = "DIR",
            description = "Where repositories are cloned (default: ~/.cache/mlgitops/git).")
    private Path cacheDir;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "10",
            description = "Push attempts while other writers move the branch (default: ${DEFAULT-VALUE}).")
    private int maxAttempts;

    /** Whether a repository was given. */
    boolean present() {
        return remote != null;
    }

    /**
     * The repository's settings.
     *
     * @param purpose why it is needed, for the message when {@code --repo} is missing
     */
    RepositorySettings settings(final String purpose) throws InvalidSettingsException {
        if (remote == null) {
            throw new InvalidSettingsException(purpose + " needs the GitOps repository: pass --repo URL|PATH.");
        }
        try {
            return RepositorySettings.of(remote, cacheDir != null ? cacheDir : RepositorySettings.defaultCacheRoot())
                    .withHttps(https())
                    .withSsh(new SshCredentials(sshKey, passphraseVariable == null ? null
                            : SecretReference.variable(passphraseVariable), knownHosts, !insecureHostKeys))
                    .withRetry(RetryPolicy.DEFAULTS.withMaxAttempts(maxAttempts));
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    private HttpsCredentials https() throws InvalidSettingsException {
        SecretReference token = secret(tokenVariable, tokenFile, "--git-token-env", "--git-token-file");
        SecretReference password = secret(passwordVariable, passwordFile, "--git-password-env",
                "--git-password-file");
        if (token != null && password != null) {
            throw new InvalidSettingsException("Give an HTTPS token or a password, not both.");
        }
        if (token != null) {
            return HttpsCredentials.token(token);
        }
        if (password != null) {
            if (usernameVariable == null) {
                throw new InvalidSettingsException("--git-password-env/--git-password-file need --git-username-env.");
            }
            return HttpsCredentials.basic(SecretReference.variable(usernameVariable), password);
        }
        return HttpsCredentials.NONE;
    }

    private static SecretReference secret(final String variable, final Path file, final String variableOption,
            final String fileOption) throws InvalidSettingsException {
        if (variable != null && file != null) {
            throw new InvalidSettingsException(variableOption + " and " + fileOption + " name the same secret twice; "
                    + "give one.");
        }
        if (variable != null) {
            return SecretReference.variable(variable);
        }
        return file == null ? null : SecretReference.file(file);
    }
}
