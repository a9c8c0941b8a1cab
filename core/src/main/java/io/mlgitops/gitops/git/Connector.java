package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.gitops.HttpsCredentials;
import io.mlgitops.gitops.RepositorySettings;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens transports to the remote with the settings' timeout and credentials, resolved once when the repository is
 * opened so that a missing variable or key file is reported before anything is fetched.
 */
final class Connector implements AutoCloseable {
    private final RemoteLocation remote;
    private final int timeoutSeconds;
    private final CredentialsProvider credentials;
    private final SshSessions ssh;
    private final String credentialsUsed;
    private final List<String> secrets;

    private Connector(final RemoteLocation remote, final int timeoutSeconds, final CredentialsProvider credentials,
            final SshSessions ssh, final String credentialsUsed, final List<String> secrets) {
        this.remote = remote;
        this.timeoutSeconds = timeoutSeconds;
        this.credentials = credentials;
        this.ssh = ssh;
        this.credentialsUsed = credentialsUsed;
        this.secrets = secrets;
    }

    static Connector create(final RemoteLocation remote, final RepositorySettings settings) throws InputException {
        int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (settings.timeout().toMillis() + 999) / 1000));
        List<String> secrets = new ArrayList<>();
        switch (remote.kind()) {
            case HTTP -> {
                HttpsCredentials https = settings.https();
                CredentialsProvider provider = null;
                if (!https.isNone()) {
                    String user = user(https, settings, remote);
                    String password = (https.token() != null ? https.token() : https.password())
                            .resolve(settings.secrets());
                    secrets.add(password);
                    provider = new UsernamePasswordCredentialsProvider(user, password);
                    if ("http".equalsIgnoreCase(remote.uri().getScheme())) {
                        settings.progress().warn("Sending credentials to " + remote + " over plain HTTP: anyone on "
                                + "the network path can read them. Use https:// outside test setups.");
                    }
                }
                return new Connector(remote, timeout, provider, null, https.describe(), secrets);
            }
            case SSH -> {
                String passphrase = settings.ssh().passphrase() == null ? null
                        : settings.ssh().passphrase().resolve(settings.secrets());
                if (passphrase != null) {
                    secrets.add(passphrase);
                }
                SshSessions sessions = SshSessions.create(settings.ssh(), passphrase, settings.progress());
                return new Connector(remote, timeout, null, sessions, sessions.identity(), secrets);
            }
            default -> {
                return new Connector(remote, timeout, null, null, "no credentials", secrets);
            }
        }
    }

    private static String user(final HttpsCredentials https, final RepositorySettings settings,
            final RemoteLocation remote) throws InputException {
        if (https.username() != null) {
            return https.username().resolve(settings.secrets());
        }
        String fromUrl = remote.uri().getUser();
        return fromUrl != null && !fromUrl.isEmpty() ? fromUrl : HttpsCredentials.TOKEN_USER;
    }

    /**
     * A transport to the remote for one fetch or push; the caller closes it.
     *
     * @throws TransportException when the remote names no repository that can be opened
     */
    Transport open(final Repository local) throws TransportException {
        Transport transport;
        try {
            transport = Transport.open(local, remote.uri());
        }
        catch (NotSupportedException unsupported) {
            throw new NoRemoteRepositoryException(remote.uri(), "not found", unsupported);
        }
        transport.setTimeout(timeoutSeconds);
        if (credentials != null) {
            transport.setCredentialsProvider(credentials);
        }
        if (ssh != null && transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(ssh.factory());
        }
        return transport;
    }

    RemoteLocation remote() {
        return remote;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** The credentials used, by the names of their variables or files; never their values. */
    String credentialsUsed() {
        return credentialsUsed;
    }

    /** The SSH side, when the remote is reached over SSH. */
    SshSessions ssh() {
        return ssh;
    }

    /** The secret values in use, to be scrubbed from any text shown. */
    List<String> secrets() {
        return secrets;
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.close();
        }
    }
}
