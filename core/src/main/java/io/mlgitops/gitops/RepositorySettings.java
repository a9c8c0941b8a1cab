package io.mlgitops.gitops;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the GitOps repository is and how to reach it.
 *
 * @param remote    {@code https://} or {@code http://} URL, {@code ssh://} URL, scp-like {@code git@host:org/repo.git},
 *                  {@code file://} URL or a local path; user information may name a user but never hold a password
 * @param cacheRoot folder of the local clones: one bare repository per remote, {@code cacheRoot/<hash of the URL>},
 *                  cloned on first use and fetched before each operation; processes may share it
 * @param secrets   where {@link SecretReference#variable(String) variables} are looked up
 * @param https     credentials for HTTP(S) remotes
 * @param ssh       key and host verification for SSH remotes
 * @param retry     attempts and backoff for rejected pushes and passing network failures
 * @param timeout   the longest a network read or connection may take
 * @param progress  receives progress lines and warnings
 */
public record RepositorySettings(String remote, Path cacheRoot, SecretSource secrets, HttpsCredentials https,
        SshCredentials ssh, RetryPolicy retry, Duration timeout, ProgressListener progress) {
    /** 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public RepositorySettings {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(progress, "progress");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Settings for a public repository: secrets from the environment, the default SSH keys and known_hosts file with
     * strict checking, the default retry policy and timeout, no progress output.
     */
    public static RepositorySettings of(final String remote, final Path cacheRoot) {
        return new RepositorySettings(remote, cacheRoot, SecretSource.ENVIRONMENT, HttpsCredentials.NONE,
                SshCredentials.DEFAULTS, RetryPolicy.DEFAULTS, DEFAULT_TIMEOUT, ProgressListener.NONE);
    }

    /** {@code $XDG_CACHE_HOME/mlgitops/git}, else {@code ~/.cache/mlgitops/git}. */
    public static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("mlgitops").resolve("git");
    }

    public RepositorySettings withRemote(final String location) {
        return new RepositorySettings(location, cacheRoot, secrets, https, ssh, retry, timeout, progress);
    }

    public RepositorySettings withSecrets(final SecretSource source) {
        return new RepositorySettings(remote, cacheRoot, source, https, ssh, retry, timeout, progress);
    }

    public RepositorySettings withHttps(final HttpsCredentials credentials) {
        return new RepositorySettings(remote, cacheRoot, secrets, credentials, ssh, retry, timeout, progress);
    }

    public RepositorySettings withSsh(final SshCredentials credentials) {
        return new RepositorySettings(remote, cacheRoot, secrets, https, credentials, retry, timeout, progress);
    }

    public RepositorySettings withRetry(final RetryPolicy policy) {
        return new RepositorySettings(remote, cacheRoot, secrets, https, ssh, policy, timeout, progress);
    }

    public RepositorySettings withTimeout(final Duration networkTimeout) {
        return new RepositorySettings(remote, cacheRoot, secrets, https, ssh, retry, networkTimeout, progress);
    }

    public RepositorySettings withProgress(final ProgressListener listener) {
        return new RepositorySettings(remote, cacheRoot, secrets, https, ssh, retry, timeout, listener);
    }
}
