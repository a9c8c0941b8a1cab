package io.mlgitops.net;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code Authorization} header of a service, read from a {@link SecretSource}: HTTP Basic from a user name and
 * password variable, else a bearer token, else none. Only the names of the variables ever appear in messages.
 */
public final class HttpCredentials {
    private final String header;
    private final String origin;
    private final String howToSet;

    private HttpCredentials(final String header, final String origin, final String howToSet) {
        this.header = header;
        this.origin = origin;
        this.howToSet = howToSet;
    }

    /**
     * @param secrets          where the values come from
     * @param usernameVariable name of the user name secret (e.g. {@code MLFLOW_TRACKING_USERNAME})
     * @param passwordVariable name of the password secret
     * @param tokenVariable    name of the bearer token secret
     * @throws InputException when only one of user name and password is set
     */
    public static HttpCredentials from(final SecretSource secrets, final String usernameVariable,
            final String passwordVariable, final String tokenVariable) throws InputException {
        String howToSet = String.format("set %s and %s (HTTP Basic) or %s (bearer token)", usernameVariable,
                passwordVariable, tokenVariable);
        Optional<String> username = secrets.secret(usernameVariable);
        Optional<String> password = secrets.secret(passwordVariable);
        if (username.isPresent() != password.isPresent()) {
            String missing = username.isPresent() ? passwordVariable : usernameVariable;
            throw new InputException(String.format("%s is not set, but %s is: %s.", missing,
                    username.isPresent() ? usernameVariable : passwordVariable, howToSet));
        }
        if (username.isPresent()) {
            String pair = username.get() + ":" + password.get();
            return new HttpCredentials(
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    "HTTP Basic credentials from " + usernameVariable + "/" + passwordVariable, howToSet);
        }
        Optional<String> token = secrets.secret(tokenVariable);
        if (token.isPresent()) {
            return new HttpCredentials("Bearer " + token.get(), "the bearer token from " + tokenVariable, howToSet);
        }
        return new HttpCredentials(null, "no credentials", howToSet);
    }

    /** Adds the {@code Authorization} header, if there are credentials. */
    public HttpRequest.Builder apply(final HttpRequest.Builder request) {
        if (header != null) {
            request.header("Authorization", header);
        }
        return request;
    }

    /**
     * Explains a 401 or 403 answer of {@code url}: which credentials were sent (by variable name) and how to set
     * them.
     */
    public String explainRefusal(final int status, final String url) {
        return explainRefusal(status, url, "permission");
    }

    /**
     * Explains a 401 or 403 answer of {@code url}, naming for a 403 what the user lacks (e.g. {@code "EDIT permission
     * on registered model 'churn'"}).
     */
    public String explainRefusal(final int status, final String url, final String lacking) {
        if (status == 403) {
            return String.format("%s refused access (HTTP 403) with %s: that user lacks %s. Ask an administrator to "
                    + "grant it, or %s for a user that has it.", url, origin, lacking, howToSet);
        }
        if (header == null) {
            return String.format("%s requires authentication (HTTP 401) and no credentials were given: %s.", url,
                    howToSet);
        }
        return String.format("%s rejected %s (HTTP 401). Check them: %s.", url, origin, howToSet);
    }

    @Override
    public String toString() {
        return origin;
    }
}
