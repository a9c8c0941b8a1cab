package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.net.ServerMessages;

import java.util.ArrayList;
import java.util.List;

/**
 * The error text of GitHub and GitLab answers on one line. GitHub sends {@code message} with details in
 * {@code errors[]}; GitLab sends {@code message} as a string, a list, or an object of field errors, or
 * {@code error}/{@code error_description}.
 */
final class ForgeMessages {
    private ForgeMessages() {
    }

    static String summarize(final JsonNode body, final String raw) {
        List<String> parts = new ArrayList<>();
        collect(body.path("message"), "", parts);
        body.path("errors").forEach(error -> parts.add(error.isTextual() ? error.asText() : githubError(error)));
        collect(body.path("error"), "", parts);
        collect(body.path("error_description"), "", parts);
        parts.removeIf(String::isBlank);
        return parts.isEmpty() ? ServerMessages.summarize(raw) : ServerMessages.summarize(String.join("; ", parts));
    }

    private static void collect(final JsonNode node, final String field, final List<String> parts) {
        if (node.isValueNode()) {
            parts.add(field.isEmpty() ? node.asText() : field + " " + node.asText());
        }
        else if (node.isArray()) {
            node.forEach(element -> collect(element, field, parts));
        }
        else if (node.isObject()) {
            node.properties().forEach(entry -> collect(entry.getValue(), entry.getKey(), parts));
        }
    }

    private static String githubError(final JsonNode error) {
        if (error.path("message").isTextual()) {
            return error.get("message").asText();
        }
        String field = error.path("field").asText("");
        String code = error.path("code").asText("");
        return (field + " " + code).trim();
    }
}
