package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/**
 * One answer of a Git hosting API.
 *
 * @param uri     the URL called
 * @param status  the HTTP status
 * @param body    the parsed JSON body (a missing node when it was not JSON)
 * @param message the provider's error text on one line, or empty for a success
 */
record ForgeReply(URI uri, int status, JsonNode body, String message) {
    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
