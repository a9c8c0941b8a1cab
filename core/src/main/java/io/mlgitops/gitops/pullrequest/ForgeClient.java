package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.JsonBodies;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * JSON calls of one Git hosting API (GitHub or GitLab) with its token header, and the messages for refused calls.
 * The token is read once from a {@link SecretSource}; messages name only the variable it came from.
 */
final class ForgeClient {
    private final String provider;
    private final URI base;
    private final HttpExecutor executor;
    private final String tokenHeader;
    private final String tokenValue;
    private final String tokenVariable;
    private final Map<String, String> headers;

    /**
     * @param provider      the provider's name in messages ({@code GitHub}, {@code GitLab})
     * @param base          the API's base URL
     * @param tokenHeader   the header that carries the token
     * @param tokenPrefix   what precedes the token in that header ({@code "Bearer "} or empty)
     * @param tokenVariable the secret's name
     * @param headers       further headers of every call
     * @throws InputException when the secret is not set
     */
    ForgeClient(final String provider, final URI base, final HttpExecutor executor, final SecretSource secrets,
            final String tokenHeader, final String tokenPrefix, final String tokenVariable,
            final Map<String, String> headers) throws InputException {
        this.provider = provider;
        this.base = base;
        this.executor = executor;
        this.tokenHeader = tokenHeader;
        this.tokenVariable = tokenVariable;
        this.headers = Map.copyOf(headers);
        String token = secrets.secret(tokenVariable).orElseThrow(() -> new InputException(String.format("%s is not "
                + "set: opening a %s pull request needs an API token that may create pull requests in the "
                + "repository. Set %s to it.", tokenVariable, provider, tokenVariable)));
        this.tokenValue = tokenPrefix + token;
    }

    /** The API as shown to users, {@code GitHub API https://api.github.com}. */
    String server() {
        return provider + " API " + Urls.redact(base);
    }

    /**
     * Calls the API; retryable failures (connection, 429, 5xx) are retried by the executor. Every answer is returned
     * for the caller to judge.
     *
     * @param body the JSON body, or {@code null} for none
     */
    ForgeReply call(final String method, final String path, final Map<String, String> query, final Object body)
            throws InputException {
        URI uri = Urls.resolve(base, path, query);
        HttpRequest.Builder request = executor.request(uri).header("Accept", "application/json")
                .header(tokenHeader, tokenValue);
        headers.forEach(request::setHeader);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JsonBodies.write(body),
                            StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = executor.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = JsonBodies.parse(response.body());
        boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
        return new ForgeReply(uri, response.statusCode(), json,
                success ? "" : ForgeMessages.summarize(json, response.body()));
    }

    /**
     * The message for an answer the caller cannot use.
     *
     * @param action     what was attempted, {@code "opening a pull request from a into b in owner/repo"}
     * @param repository the repository identifier
     * @param permission what the token needs, for a 403
     */
    InputException failure(final ForgeReply reply, final String action, final String repository,
            final String permission) {
        String detail = String.format("HTTP %d: %s", reply.status(), reply.message());
        String message = switch (reply.status()) {
            case 401 -> String.format("%s rejected the token from %s (%s). Check that it is valid and not expired, "
                    + "and set %s to a working one.", server(), tokenVariable, detail, tokenVariable);
            case 403 -> String.format("%s refused %s with the token from %s (%s). The token needs %s.", server(),
                    action, tokenVariable, detail, permission);
            case 404 -> String.format("%s has no repository '%s', or the token from %s cannot see it (%s). Check "
                    + "the repository (as derived from the remote URL) and the token's access.", server(),
                    repository, tokenVariable, detail);
            default -> String.format("%s answered HTTP %d to %s (%s): %s.", server(), reply.status(), action,
                    Urls.redact(reply.uri()), reply.message());
        };
        return new InputException(message);
    }

    /** Whether the reply's message says that something already exists. */
    static boolean saysAlreadyExists(final ForgeReply reply) {
        return reply.message().toLowerCase(Locale.ROOT).contains("already exists");
    }

    @Override
    public String toString() {
        return server() + " with the token from " + tokenVariable;
    }
}
