package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.gitops.SshCredentials;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The GitOps repository of {@code mlPromote} and {@code mlRollback} and how to reach it: the remote, the Jenkins
 * credential resolved on the controller, SSH host checking and push attempts. On the agent it becomes the engine's
 * {@link RepositorySettings}, with the clone in the agent's cache folder ({@code ~/.cache/mlgitops/git} of the agent's
 * user).
 *
 * @param remote                {@code https://}, {@code ssh://}, {@code git@host:org/repo.git}, {@code file://} or a
 *                              path (relative paths are workspace paths)
 * @param credentials           the resolved credential, {@link GitCredentials#NONE} without {@code credentialsId}
 * @param knownHosts            the agent's known_hosts file, or {@code null} for {@code ~/.ssh/known_hosts}
 * @param strictHostKeyChecking whether an unknown SSH host key is refused
 * @param maxAttempts           push attempts while other writers move the branch
 * @param cacheDir              the folder of the clones on the agent, or {@code null} for the agent user's
 *                              {@code ~/.cache/mlgitops/git} (not a step parameter; tests set it)
 */
public record RepositorySpec(String remote, GitCredentials credentials, String knownHosts,
        boolean strictHostKeyChecking, int maxAttempts, String cacheDir) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String KEY_FILE = "key";

    public RepositorySpec {
        credentials = credentials == null ? GitCredentials.NONE : credentials;
    }

    /**
     * This repository reached with {@code value}: for a request that keeps the repository in the build's program
     * state without its credential and gets the credential resolved again for each run.
     */
    public RepositorySpec withCredentials(final GitCredentials value) {
        return new RepositorySpec(remote, value, knownHosts, strictHostKeyChecking, maxAttempts, cacheDir);
    }

    /**
     * The engine's settings, with the SSH key (if any) written to an owner-only file that {@link Access#close()}
     * deletes.
     *
     * @param workspace the workspace on this machine
     * @param fallback  the build's other secrets (MLflow, pull request tokens)
     * @param progress  progress lines
     */
    public Access open(final Path workspace, final SecretSource fallback, final ProgressListener progress)
            throws InvalidSettingsException, InputException {
        String location = Values.blankToNull(remote);
        if (location == null) {
            throw new InvalidSettingsException("repository is required: the GitOps repository's URL or path, "
                    + "or set GitOps repository defaults in Manage Jenkins > System > ML GitOps.");
        }
        SecretSource secrets = credentials.secrets(fallback);
        Path keyFolder = credentials.kind() == GitCredentials.Kind.SSH_KEY
                ? PrivateFiles.write(workspace, "mlgitops-ssh", KEY_FILE, credentials.privateKey(), "the SSH key")
                : null;
        Path keyFile = keyFolder == null ? null : keyFolder.resolve(KEY_FILE);
        try {
            RepositorySettings settings = RepositorySettings.of(remoteFor(workspace, location),
                    cacheDir == null ? RepositorySettings.defaultCacheRoot() : Path.of(cacheDir))
                    .withSecrets(secrets).withHttps(credentials.https())
                    .withSsh(new SshCredentials(keyFile, credentials.passphraseReference(),
                            WorkspacePaths.file(workspace, knownHosts), strictHostKeyChecking))
                    .withRetry(RetryPolicy.DEFAULTS.withMaxAttempts(maxAttempts)).withProgress(progress);
            return new Access(settings, secrets, keyFolder);
        }
        catch (IllegalArgumentException invalid) {
            PrivateFiles.delete(keyFolder);
            throw new InvalidSettingsException(invalid.getMessage(), invalid);
        }
    }

    /**
     * The remote as the engine gets it: a relative path is a workspace path; an SSH remote without a user gets the
     * user of SSH credentials.
     */
    String remoteFor(final Path workspace, final String location) {
        String user = credentials.sshUsername();
        if (location.startsWith("ssh://")) {
            String rest = location.substring("ssh://".length());
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            return user == null || user.isBlank() || authority.contains("@") ? location
                    : "ssh://" + user + "@" + rest;
        }
        if (location.contains("://")) {
            return location;
        }
        int colon = location.indexOf(':');
        int slash = location.indexOf('/');
        boolean scpLike = colon > 1 && (slash < 0 || colon < slash);
        if (scpLike) {
            return user == null || user.isBlank() || location.substring(0, colon).contains("@") ? location
                    : user + "@" + location;
        }
        return WorkspacePaths.file(workspace, location).toString();
    }

    /**
     * The opened repository settings; closing deletes the SSH key file.
     *
     * @param settings  the engine's settings
     * @param secrets   the credential's secrets over the build's
     * @param keyFolder the private folder of the SSH key, or {@code null}
     */
    public record Access(RepositorySettings settings, SecretSource secrets, Path keyFolder) implements AutoCloseable {
        @Override
        public void close() {
            PrivateFiles.delete(keyFolder);
        }
    }
}
