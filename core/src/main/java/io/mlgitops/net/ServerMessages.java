package io.mlgitops.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The human-readable part of an error answer, on one short line: the {@code message} (with {@code error_code}) of
 * an MLflow error, the {@code error} of an Open Inference Protocol error, or the start of a plain-text body.
 */
public final class ServerMessages {
    private static final int MAX_LENGTH = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerMessages() {
    }

    public static String summarize(final String body) {
        if (body == null || body.isBlank()) {
            return "no message";
        }
        String text = fromJson(body);
        String line = (text == null ? body : text).replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }

    private static String fromJson(final String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        }
        catch (IOException notJson) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.path("message").isTextual()) {
            String code = node.path("error_code").asText("");
            return code.isEmpty() ? node.get("message").asText() : code + ": " + node.get("message").asText();
        }
        if (node.path("error").isTextual()) {
            return node.get("error").asText();
        }
        if (node.path("detail").isTextual()) {
            return node.get("detail").asText();
        }
        return null;
    }
}
