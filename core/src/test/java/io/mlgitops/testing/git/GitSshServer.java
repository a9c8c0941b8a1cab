package io.mlgitops.testing.git;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SSH server (Apache MINA sshd) on a free loopback port that accepts public-key authentication for the given keys
 * and runs git's own {@code git-upload-pack} and {@code git-receive-pack} on the bare repositories under a root
 * folder, as a Git host does: {@code ssh://git@127.0.0.1:PORT/NAME}.
 */
public final class GitSshServer implements AutoCloseable {
    private static final Pattern GIT_COMMAND = Pattern.compile("^(git-upload-pack|git-receive-pack) '?/?([^']+)'?$");

    private final SshServer server;
    private final KeyPair hostKey;
    private final ExecutorService pumps = Executors.newCachedThreadPool();

    private GitSshServer(final SshServer server, final KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /**
     * @param root       folder holding the bare repositories
     * @param authorized public keys that may log in (as any user)
     */
    public static GitSshServer start(final Path root, final List<PublicKey> authorized) {
        GitCli.require();
        try {
            KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((user, key, session) -> authorized.stream()
                    .anyMatch(allowed -> KeyUtils.compareKeys(allowed, key)));
            GitSshServer git = new GitSshServer(server, hostKey);
            server.setCommandFactory((channel, command) -> git.new GitCommand(root, command));
            server.start();
            return git;
        }
        catch (IOException cannotStart) {
            throw new UncheckedIOException(cannotStart);
        }
        catch (GeneralSecurityException noKey) {
            throw new IllegalStateException(noKey);
        }
    }

    /** {@code ssh://git@127.0.0.1:PORT/NAME}. */
    public String url(final String name) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + name;
    }

    /** The known_hosts line for this server's host key. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        }
        catch (IOException ignored) {
            // the port is released when the JVM ends in any case
        }
        pumps.shutdownNow();
    }

    /** Runs one git pack command in a child process, its streams joined to the SSH channel. */
    private final class GitCommand implements Command {
        private final Path root;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        GitCommand(final Path root, final String command) {
            this.root = root;
            this.command = command;
        }

        @Override
        public void setInputStream(final InputStream stream) {
            this.in = stream;
        }

        @Override
        public void setOutputStream(final OutputStream stream) {
            this.out = stream;
        }

        @Override
        public void setErrorStream(final OutputStream stream) {
            this.err = stream;
        }

        @Override
        public void setExitCallback(final ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(final ChannelSession channel, final Environment env) throws IOException {
            Matcher git = GIT_COMMAND.matcher(command.strip());
            Path repository = git.matches() ? root.resolve(git.group(2)).normalize() : null;
            if (repository == null || !repository.startsWith(root)) {
                err.write(("unsupported command: " + command + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
                exit.onExit(1);
                return;
            }
            ProcessBuilder builder = new ProcessBuilder("git", git.group(1).substring(4), repository.toString());
            Map<String, String> environment = builder.environment();
            GitCli.isolate(environment);
            String protocol = env.getEnv().get("GIT_PROTOCOL");
            if (protocol != null) {
                environment.put("GIT_PROTOCOL", protocol);
            }
            process = builder.start();
            pumps.execute(() -> copy(in, process.getOutputStream(), true));
            pumps.execute(() -> copy(process.getErrorStream(), err, false));
            pumps.execute(this::answer);
        }

        private void answer() {
            copy(process.getInputStream(), out, false);
            try {
                int code = process.waitFor();
                out.flush();
                err.flush();
                exit.onExit(code);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                exit.onExit(1);
            }
            catch (IOException closed) {
                exit.onExit(1);
            }
        }

        private void copy(final InputStream from, final OutputStream to, final boolean closeTarget) {
            byte[] buffer = new byte[8192];
            try {
                for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            }
            catch (IOException closed) {
                // one side ended the session
            }
            finally {
                if (closeTarget) {
                    try {
                        to.close();
                    }
                    catch (IOException ignored) {
                        // already closed
                    }
                }
            }
        }

        @Override
        public void destroy(final ChannelSession channel) {
            if (process != null) {
                process.destroy();
            }
        }
    }
}
