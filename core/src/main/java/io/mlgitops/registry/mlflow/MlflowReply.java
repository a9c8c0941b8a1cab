package io.mlgitops.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/**
 * One answer of the MLflow REST API: the status, and for errors MLflow's {@code error_code} and {@code message}.
 *
 * @param uri       the URL called
 * @param status    the HTTP status
 * @param body      the parsed JSON body (a missing node when the body was not JSON)
 * @param errorCode MLflow's error code, or empty
 * @param message   the server's message (MLflow's {@code message}, or the start of a plain-text body), or empty
 */
record MlflowReply(URI uri, int status, JsonNode body, String errorCode, String message) {
    boolean ok() {
        return status == 200;
    }

    boolean is(final int expectedStatus, final String expectedCode) {
        return status == expectedStatus && expectedCode.equals(errorCode);
    }
}
