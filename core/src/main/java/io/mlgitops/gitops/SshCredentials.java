package io.mlgitops.gitops;

import java.nio.file.Path;

/**
 * Credentials and host verification for a repository reached over SSH. The server's host key is checked against a
 * known_hosts file (OpenSSH format; hashed entries and {@code [host]:port} are understood) unless checking is
 * turned off. No SSH config file is read.
 *
 * @param privateKey            the private key (OpenSSH or PEM format), or {@code null} for the default keys in
 *                              {@code ~/.ssh} ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}, ...)
 * @param passphrase            the key's passphrase, or {@code null} when the key is not encrypted
 * @param knownHosts            the known_hosts file, or {@code null} for {@code ~/.ssh/known_hosts}
 * @param strictHostKeyChecking whether a host key must be in the known_hosts file; when {@code false} every host key
 *                              is accepted and nothing is written to the file
 */
public record SshCredentials(Path privateKey, SecretReference passphrase, Path knownHosts,
        boolean strictHostKeyChecking) {
    /** The default keys and known_hosts file of {@code ~/.ssh}, with strict host-key checking. */
    public static final SshCredentials DEFAULTS = new SshCredentials(null, null, null, true);

    public SshCredentials {
        if (passphrase != null && privateKey == null) {
            throw new IllegalArgumentException("a passphrase needs a private key file");
        }
    }
}
