package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.SshCredentials;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SSH side of a repository: a JGit session factory that authenticates with the configured private key (public-key
 * authentication only, no prompts, no SSH config file, no agent) and verifies host keys with a
 * {@link KnownHostsCheck}. Remembers why a key or a host was refused, for the error message.
 */
final class SshSessions implements AutoCloseable {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshdSessionFactory factory;
    private final KnownHostsCheck hostKeys;
    private final FixedPassphrase passphrase;
    private final String identity;

    private SshSessions(final SshdSessionFactory factory, final KnownHostsCheck hostKeys,
            final FixedPassphrase passphrase, final String identity) {
        this.factory = factory;
        this.hostKeys = hostKeys;
        this.passphrase = passphrase;
        this.identity = identity;
    }

    /**
     * @param passphrase the key's passphrase, resolved, or {@code null}
     * @throws InputException when the key file is missing
     */
    static SshSessions create(final SshCredentials credentials, final String passphrase,
            final ProgressListener progress) throws InputException {
        File home = new File(System.getProperty("user.home"));
        File sshDirectory = new File(home, ".ssh");
        List<Path> keys = credentials.privateKey() != null ? List.of(credentials.privateKey())
                : DEFAULT_KEYS.stream().map(name -> sshDirectory.toPath().resolve(name)).toList();
        if (credentials.privateKey() != null && !Files.isReadable(credentials.privateKey())) {
            throw new InputException("The SSH private key file " + credentials.privateKey() + " does not exist or "
                    + "cannot be read: check the path and its permissions.");
        }
        Path knownHosts = credentials.knownHosts() != null ? credentials.knownHosts()
                : Paths.get(home.getPath(), ".ssh", "known_hosts");
        String identity = credentials.privateKey() != null ? "the private key " + credentials.privateKey()
                : "the default keys in " + sshDirectory;
        FixedPassphrase answer = new FixedPassphrase(passphrase,
                credentials.passphrase() == null ? null : credentials.passphrase().describe(), identity);
        KnownHostsCheck hostKeys = new KnownHostsCheck(knownHosts, credentials.strictHostKeyChecking(), progress);
        SshdSessionFactory factory = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(sshDirectory)
                .setConfigFile(directory -> null)
                .setPreferredAuthentications("publickey")
                .setDefaultIdentities(directory -> keys)
                .setKeyPasswordProvider(prompts -> answer)
                .setServerKeyDatabase((homeDirectory, directory) -> hostKeys)
                .setConnectorFactory(null)
                .build(null);
        return new SshSessions(factory, hostKeys, answer, identity);
    }

    SshdSessionFactory factory() {
        return factory;
    }

    /** Why the server's host key was refused, if it was. */
    Optional<String> hostKeyRefusal() {
        return hostKeys.refusal();
    }

    /** Why the private key could not be loaded, if it could not. */
    Optional<String> keyProblem() {
        return passphrase.problem();
    }

    /** Which key was offered, for messages. */
    String identity() {
        return identity;
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Answers the one passphrase it was given, once per key, and remembers a key that would not load. */
    private static final class FixedPassphrase implements KeyPasswordProvider {
        private final String value;
        private final String origin;
        private final String identity;
        private final AtomicReference<String> problem = new AtomicReference<>();

        private FixedPassphrase(final String value, final String origin, final String identity) {
            this.value = value;
            this.origin = origin;
            this.identity = identity;
        }

        @Override
        public char[] getPassphrase(final URIish uri, final int attempt) {
            return value == null ? null : value.toCharArray();
        }

        @Override
        public void setAttempts(final int maxNumberOfAttempts) {
            // one attempt: the passphrase does not change
        }

        @Override
        public boolean keyLoaded(final URIish uri, final int attempt, final Exception error) {
            if (error != null) {
                problem.set(value == null
                        ? "The SSH key " + uri + " is encrypted and no passphrase was given: name the variable or "
                                + "file that holds it."
                        : "The SSH key " + uri + " could not be read with the passphrase from " + origin
                                + ": check the passphrase (" + identity + ").");
            }
            return false;
        }

        Optional<String> problem() {
            return Optional.ofNullable(problem.get());
        }
    }
}
