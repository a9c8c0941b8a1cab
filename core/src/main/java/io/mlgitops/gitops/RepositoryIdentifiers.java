package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a hosting provider's repository identifier from a git remote URL: the path after the host, without a
 * leading slash and a {@code .git} suffix. That is {@code owner/repo} on GitHub and the project path
 * ({@code group/subgroup/project}) on GitLab.
 */
public final class RepositoryIdentifiers {
    /** {@code [user@]host:path}, git's scp-like syntax; a single letter before the colon is a Windows drive. */
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]+@)?([^:/]{2,}):(?!//)(.+)");

    private RepositoryIdentifiers() {
    }

    /**
     * @param remoteUrl {@code https://github.com/acme/ml-manifests.git}, {@code git@github.com:acme/ml-manifests.git},
     *                  {@code ssh://git@gitlab.example.com:2222/platform/ml/manifests.git}, ...
     * @throws InputException when the URL names a local repository or has no path
     */
    public static String fromRemote(final String remoteUrl) throws InputException {
        String path = remotePath(remoteUrl.trim());
        path = path.replaceAll("^/+|/+$", "");
        if (path.toLowerCase(Locale.ROOT).endsWith(".git")) {
            path = path.substring(0, path.length() - ".git".length());
        }
        if (path.isEmpty() || path.startsWith("~") || path.contains("//") || path.equals("..")
                || path.startsWith("../") || path.contains("/../")) {
            throw new InputException(String.format("Cannot tell the repository from the remote %s: it has no "
                    + "owner/name path. Name the repository explicitly (owner/name on GitHub, the project path on "
                    + "GitLab).", Urls.redact(remoteUrl)));
        }
        return path;
    }

    private static String remotePath(final String remoteUrl) throws InputException {
        if (remoteUrl.contains("://")) {
            URI uri = parse(remoteUrl);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if ("file".equals(scheme) || uri.getHost() == null) {
                throw local(remoteUrl);
            }
            return uri.getPath() == null ? "" : uri.getPath();
        }
        Matcher scp = SCP_LIKE.matcher(remoteUrl);
        if (scp.matches()) {
            return scp.group(2);
        }
        throw local(remoteUrl);
    }

    private static URI parse(final String remoteUrl) throws InputException {
        try {
            return new URI(remoteUrl);
        }
        catch (URISyntaxException malformed) {
            throw new InputException(String.format("The remote %s is not a valid URL (%s).",
                    Urls.redact(remoteUrl), malformed.getReason()), malformed);
        }
    }

    private static InputException local(final String remoteUrl) {
        return new InputException(String.format("The remote %s is a local repository; pull requests need a "
                + "repository on GitHub or GitLab. Use --mode push, or push to a hosted remote.",
                Urls.redact(remoteUrl)));
    }
}
