package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells which transport failures may pass on another attempt, and turns each failure into a message that names the
 * remote (without user information) and the fix, with every secret value scrubbed out.
 */
final class TransportFailures {
    private static final Pattern AUTHENTICATION = Pattern.compile("(?i)not authorized|authentication is required"
            + "|authentication not supported|no more authentication methods|auth fail|permission denied"
            + "|cannot log in|server refused|no more keys|not permitted|\\b403\\b|forbidden");
    private static final Pattern SERVER_BUSY = Pattern.compile(":\\s(5\\d\\d|429)\\s");
    private static final Pattern HUNG_UP = Pattern.compile("(?i)hung up|connection reset|broken pipe|end of stream");
    private static final Pattern USER_INFO = Pattern.compile("://[^/@\\s]*@");

    private final Connector connector;

    TransportFailures(final Connector connector) {
        this.connector = connector;
    }

    /** Connection refused or reset, timeouts, HTTP 5xx or 429: the next attempt may succeed. */
    boolean isRetryable(final TransportException failure) {
        if (failure instanceof NoRemoteRepositoryException || hostKeyOrKeyProblem().isPresent()
                || find(failure, UnknownHostException.class).isPresent()) {
            return false;
        }
        String message = String.valueOf(failure.getMessage());
        if (AUTHENTICATION.matcher(message).find()) {
            return false;
        }
        return find(failure, ConnectException.class).isPresent()
                || find(failure, NoRouteToHostException.class).isPresent()
                || find(failure, InterruptedIOException.class).isPresent()
                || find(failure, SocketException.class).isPresent()
                || find(failure, EOFException.class).isPresent()
                || SERVER_BUSY.matcher(message).find() || HUNG_UP.matcher(message).find();
    }

    /**
     * @param operation what was being done, e.g. {@code "fetch branch main"}
     * @param attempts  how many attempts were made
     */
    InputException explain(final TransportException failure, final String operation, final int attempts) {
        RemoteLocation remote = connector.remote();
        Optional<String> refusal = hostKeyOrKeyProblem();
        if (refusal.isPresent()) {
            return new InputException(scrub(refusal.get()) + " (remote " + remote + ")", failure);
        }
        if (failure instanceof NoRemoteRepositoryException) {
            return new InputException("No Git repository at " + remote + ": check the URL or path. A server may also "
                    + "answer 'not found' to users without access: check the credentials (" + used() + ").",
                    failure);
        }
        Optional<UnknownHostException> unknownHost = find(failure, UnknownHostException.class);
        if (unknownHost.isPresent()) {
            return new InputException("Cannot resolve the host of " + remote + " (unknown host " + scrub(
                    unknownHost.get().getMessage()) + "): check the URL and your DNS or proxy settings.", failure);
        }
        String message = scrub(String.valueOf(failure.getMessage()));
        if (AUTHENTICATION.matcher(message).find()) {
            return new InputException(authentication(remote, message), failure);
        }
        if (isRetryable(failure)) {
            return new InputException(String.format("Cannot %s at %s (%s; %d attempt%s, network timeout %d s): check "
                    + "the URL, that the server is up, and your proxy settings.", operation, remote, message,
                    attempts, attempts == 1 ? "" : "s", connector.timeoutSeconds()), failure);
        }
        return new InputException("Cannot " + operation + " at " + remote + ": " + message, failure);
    }

    private String authentication(final RemoteLocation remote, final String message) {
        if (remote.kind() == RemoteLocation.Kind.SSH) {
            return "The SSH server of " + remote + " refused " + used() + " (" + message + "): check that its "
                    + "public key is registered for the URL's user and may access this repository.";
        }
        if ("no credentials".equals(used())) {
            return remote + " requires authentication and no credentials were given (" + message + "): give a "
                    + "user name and password, or a token, through variables or files.";
        }
        return remote + " refused " + used() + " (" + message + "): check the values, and that this user may "
                + "access the repository.";
    }

    private String used() {
        return connector.credentialsUsed();
    }

    private Optional<String> hostKeyOrKeyProblem() {
        SshSessions ssh = connector.ssh();
        if (ssh == null) {
            return Optional.empty();
        }
        Optional<String> hostKey = ssh.hostKeyRefusal();
        return hostKey.isPresent() ? hostKey : ssh.keyProblem();
    }

    /**
     * The text on one line, with secret values and URL user information removed, and without the remote's URL
     * where JGit put it in front (the messages name the remote themselves).
     */
    String scrub(final String text) {
        String clean = text == null ? "" : USER_INFO.matcher(text).replaceAll("://");
        for (String secret : connector.secrets()) {
            clean = clean.replace(secret, "***");
        }
        clean = clean.replace(connector.remote() + ": ", "");
        return clean.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static <T extends Throwable> Optional<T> find(final Throwable failure, final Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
