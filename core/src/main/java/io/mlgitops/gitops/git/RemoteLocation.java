package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import org.eclipse.jgit.transport.URIish;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A remote repository as the user named it: an http(s), ssh or file URL, an scp-like {@code user@host:path}, or a
 * local path. Knows its transport, the form shown in messages (without user information) and the name of its cache
 * folder.
 */
final class RemoteLocation {
    /** How the remote is reached. */
    enum Kind { LOCAL, HTTP, SSH }

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?[^/:\\s]{2,}:(?!//).*");

    private final URIish uri;
    private final Kind kind;
    private final String shown;

    private RemoteLocation(final URIish uri, final Kind kind) {
        this.uri = uri;
        this.kind = kind;
        this.shown = uri.setUser(null).setPass(null).toString();
    }

    static RemoteLocation parse(final String remote) throws InputException {
        String trimmed = remote.strip();
        if (trimmed.isEmpty()) {
            throw new InputException("The GitOps repository is empty: give an https://, ssh:// or file:// URL, "
                    + "git@host:org/repo.git, or a local path.");
        }
        if (URL.matcher(trimmed).matches()) {
            URIish uri = parseUri(trimmed);
            return new RemoteLocation(checkNoPassword(uri), kindOf(uri));
        }
        if (SCP_LIKE.matcher(trimmed).matches()) {
            return new RemoteLocation(parseUri(trimmed), Kind.SSH);
        }
        Path path = Paths.get(trimmed).toAbsolutePath().normalize();
        return new RemoteLocation(new URIish().setPath(path.toString()), Kind.LOCAL);
    }

    private static URIish parseUri(final String remote) throws InputException {
        try {
            return new URIish(remote);
        }
        catch (URISyntaxException malformed) {
            throw new InputException("The GitOps repository URL " + redact(remote) + " is malformed ("
                    + malformed.getReason() + "): check it.", malformed);
        }
    }

    private static URIish checkNoPassword(final URIish uri) throws InputException {
        if (uri.getPass() != null) {
            throw new InputException("The GitOps repository URL " + uri.setUser(null).setPass(null)
                    + " holds a password: remove it from the URL and pass the password or token through a variable "
                    + "or a file.");
        }
        return uri;
    }

    private static Kind kindOf(final URIish uri) throws InputException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> Kind.HTTP;
            case "ssh", "git+ssh", "ssh+git" -> Kind.SSH;
            case "file" -> Kind.LOCAL;
            default -> throw new InputException("The GitOps repository URL " + uri.setUser(null)
                    + " uses the unsupported scheme " + scheme + ": use https://, http://, ssh://, git@host:path, "
                    + "file:// or a local path.");
        };
    }

    /** A location string without user information, for messages about input that did not parse. */
    static String redact(final String location) {
        return location.replaceAll("://[^/@\\s]*@", "://");
    }

    URIish uri() {
        return uri;
    }

    Kind kind() {
        return kind;
    }

    /** The folder name of this remote's cached clone: a hash of the URL without user information. */
    String cacheName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }

    /** The URL without user information or password. */
    @Override
    public String toString() {
        return shown;
    }
}
