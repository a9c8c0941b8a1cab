package io.mlgitops.inference.http;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpCredentials;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.ServerMessages;
import io.mlgitops.net.Urls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * JSON over HTTP to one model server: authenticated requests, refused credentials and unparsable answers turned
 * into messages that name the URL. Answers may contain {@code NaN}, as Python's JSON encoder writes it.
 */
final class Transport {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final HttpExecutor executor;
    private final HttpCredentials credentials;

    Transport(final HttpExecutor executor, final HttpCredentials credentials) {
        this.executor = executor;
        this.credentials = credentials;
    }

    /** An answer: its status and body text. */
    record Reply(URI uri, int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String message() {
            return ServerMessages.summarize(body);
        }
    }

    Reply post(final URI uri, final byte[] json) throws InputException {
        HttpRequest request = credentials.apply(executor.request(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))).build();
        return send(request);
    }

    Reply get(final URI uri) throws InputException {
        return send(credentials.apply(executor.request(uri).header("Accept", "application/json").GET()).build());
    }

    private Reply send(final HttpRequest request) throws InputException {
        HttpResponse<String> response = executor.send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new InputException(credentials.explainRefusal(status, "Model server " + Urls.redact(request.uri())));
        }
        return new Reply(request.uri(), status, response.body());
    }

    /**
     * The JSON body of a successful answer.
     *
     * @param what     what was asked, e.g. "rows 1-1024"
     * @param expected the answer expected, e.g. {@code {"predictions": ...}}
     */
    JsonNode requireJson(final Reply reply, final String what, final String expected) throws InputException {
        if (!reply.ok()) {
            throw new InputException(String.format("%s answered HTTP %d to %s%s: %s. Check that the endpoint "
                    + "serves this model and that the data has the columns it expects.", Urls.redact(reply.uri()),
                    reply.status(), what, reply.status() >= 500 || reply.status() == 429
                            ? " after " + executor.settings().maxAttempts() + " attempts" : "", reply.message()));
        }
        try {
            JsonNode json = JSON.readTree(reply.body());
            if (json != null && (json.isObject() || json.isArray())) {
                return json;
            }
        }
        catch (IOException notJson) {
            // reported below
        }
        throw new InputException(String.format("%s answered %s with something that is not JSON ('%s'); expected %s.",
                Urls.redact(reply.uri()), what, ServerMessages.summarize(reply.body()), expected));
    }
}
