package io.mlgitops.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;

/**
 * JSON request and response bodies of the REST clients: answers are read leniently (an error page that is not JSON
 * becomes a missing node for the caller to judge), and requests are written from maps, lists and scalars.
 */
public final class JsonBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** The parsed body, or a missing node when it is empty or not JSON. */
    public static JsonNode parse(final String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        }
        catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** A request body made of maps, lists, strings, numbers and booleans. */
    public static String write(final Object body) {
        try {
            return JSON.writeValueAsString(body);
        }
        catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Maps, lists and scalars always serialise", impossible);
        }
    }
}
