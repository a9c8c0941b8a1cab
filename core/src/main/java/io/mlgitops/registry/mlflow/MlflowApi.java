package io.mlgitops.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpCredentials;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.JsonBodies;
import io.mlgitops.net.ServerMessages;
import io.mlgitops.net.Urls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Calls of one MLflow tracking server, authenticated, with MLflow's error answers decoded. Refused credentials
 * (401, 403) end every call with a message that names the variables the credentials came from.
 */
final class MlflowApi {
    private final URI trackingUri;
    private final HttpExecutor executor;
    private final HttpCredentials credentials;

    MlflowApi(final URI trackingUri, final HttpExecutor executor, final HttpCredentials credentials) {
        this.trackingUri = trackingUri;
        this.executor = executor;
        this.credentials = credentials;
    }

    /** The server as shown to users. */
    String server() {
        return Urls.redact(trackingUri);
    }

    URI trackingUri() {
        return trackingUri;
    }

    /** A URL on the server: the tracking URI's path followed by {@code path} and the query. */
    URI url(final String path, final Map<String, String> query) {
        return Urls.resolve(trackingUri, path, query);
    }

    /** GET with query parameters; answers other than 401 and 403 are returned for the caller to judge. */
    MlflowReply get(final String path, final Map<String, String> query) throws InputException {
        URI uri = url(path, query);
        HttpResponse<String> response = executor.send(authorized(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        refuseCredentialsFailures(response.statusCode(), uri);
        return decode(uri, response.statusCode(), response.body());
    }

    /**
     * A write ({@code POST} or {@code DELETE}) with a JSON body, as MLflow expects even for {@code DELETE}. Answers
     * other than 401 and 403 are returned for the caller to judge; a 403 says the user lacks {@code permission}.
     *
     * @param permission what the write needs, e.g. {@code "EDIT permission on registered model 'churn'"}
     */
    MlflowReply write(final String method, final String path, final Map<String, Object> body,
            final String permission) throws InputException {
        URI uri = url(path, Map.of());
        HttpRequest request = authorized(uri).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JsonBodies.write(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = executor.send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        refuseCredentialsFailures(response.statusCode(), uri, permission);
        return decode(uri, response.statusCode(), response.body());
    }

    /**
     * GET whose body is streamed (file downloads). A 200 answer is returned open; any other answer is read and
     * returned as an error reply through {@code failure}.
     */
    HttpResponse<InputStream> stream(final URI uri) throws InputException {
        HttpResponse<InputStream> response = executor.send(authorized(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                refuseCredentialsFailures(response.statusCode(), uri);
                String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                throw failure(decode(uri, response.statusCode(), text), "download");
            }
            catch (IOException unreadable) {
                throw new InputException(String.format("%s answered HTTP %d to a download", Urls.redact(uri),
                        response.statusCode()), unreadable);
            }
        }
        return response;
    }

    /** The message for an answer the caller did not expect. */
    InputException failure(final MlflowReply reply, final String what) {
        String detail = reply.message().isEmpty() ? "no message" : reply.message();
        return new InputException(String.format("MLflow server %s answered HTTP %d to %s (%s; %s).", server(),
                reply.status(), what, Urls.redact(reply.uri()), detail));
    }

    /** The parsed body of a successful answer, or an error naming the URL when it is not a JSON object. */
    JsonNode requireJson(final MlflowReply reply) throws InputException {
        if (!reply.body().isObject()) {
            throw new InputException(String.format("%s did not answer with JSON. Is %s an MLflow tracking server? "
                    + "Check --mlflow-url or MLFLOW_TRACKING_URI.", Urls.redact(reply.uri()), server()));
        }
        return reply.body();
    }

    private HttpRequest.Builder authorized(final URI uri) {
        return credentials.apply(executor.request(uri).header("Accept", "application/json"));
    }

    private void refuseCredentialsFailures(final int status, final URI uri) throws InputException {
        refuseCredentialsFailures(status, uri, "permission");
    }

    private void refuseCredentialsFailures(final int status, final URI uri, final String permission)
            throws InputException {
        if (status == 401 || status == 403) {
            throw new InputException(credentials.explainRefusal(status, "MLflow server " + Urls.redact(uri),
                    permission));
        }
    }

    private static MlflowReply decode(final URI uri, final int status, final String body) {
        JsonNode json = JsonBodies.parse(body);
        String errorCode = json.path("error_code").asText("");
        String message = status == 200 ? "" : ServerMessages.summarize(body);
        return new MlflowReply(uri, status, json, errorCode, message);
    }
}
