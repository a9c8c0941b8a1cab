package io.mlgitops.gitops;

/**
 * Credentials for a repository reached over HTTP(S): a user name and password, or an access token, each read from a
 * {@link SecretReference}. A token is sent with HTTP Basic as the password of {@code username}, or of
 * {@value #TOKEN_USER} when no user name is given (GitHub takes any user name with a token, GitLab and Gitea any
 * non-empty one; Bitbucket wants {@code x-token-auth}).
 *
 * @param username the user name, or {@code null}
 * @param password the password, or {@code null}; needs a user name
 * @param token    the access token, or {@code null}; not together with a password
 */
public record HttpsCredentials(SecretReference username, SecretReference password, SecretReference token) {
    /** The user name sent with a token when none is given. */
    public static final String TOKEN_USER = "x-access-token";

    /** No credentials: the repository is public. */
    public static final HttpsCredentials NONE = new HttpsCredentials(null, null, null);

    public HttpsCredentials {
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password needs a user name");
        }
        if (password != null && token != null) {
            throw new IllegalArgumentException("give a password or a token, not both");
        }
    }

    public static HttpsCredentials basic(final SecretReference username, final SecretReference password) {
        return new HttpsCredentials(username, password, null);
    }

    public static HttpsCredentials token(final SecretReference token) {
        return new HttpsCredentials(null, null, token);
    }

    public boolean isNone() {
        return password == null && token == null;
    }

    /** Which references are used, for messages: never the values. */
    public String describe() {
        if (token != null) {
            return "the token from " + token.describe()
                    + (username == null ? "" : " with the user name from " + username.describe());
        }
        if (password != null) {
            return "the user name from " + username.describe() + " and the password from " + password.describe();
        }
        return "no credentials";
    }
}
