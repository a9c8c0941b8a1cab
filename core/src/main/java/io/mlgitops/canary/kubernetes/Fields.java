package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads fields of an object's JSON and words what is wrong with them. */
final class Fields {
    private Fields() {
    }

    /**
     * The field as a user reads it: {@code spec.http[1].route[0].weight} for {@code /spec/http/1/route/0/weight}.
     */
    static String path(final String pointer) {
        StringBuilder path = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            }
            else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }

    /** RFC 6901 escaping of one segment. */
    static String escape(final String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** A scalar as text, empty when missing or not a scalar. */
    static String text(final JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    /**
     * An integer field, {@code null} when absent.
     *
     * @throws InputException when present but not an integer
     */
    static Integer integer(final KubernetesObject object, final JsonNode node, final String pointer)
            throws InputException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw unexpected(object, pointer, "is not an integer: " + node, "Write a whole number there in git.");
        }
        return node.intValue();
    }

    /**
     * The message for an object whose shape the router cannot work with: the object, the field, what is wrong, and
     * the fix.
     */
    static InputException unexpected(final KubernetesObject object, final String pointer, final String problem,
            final String fix) {
        return new InputException(String.format("%s: %s %s. %s", object.description(), path(pointer), problem,
                fix));
    }

    /** A timestamp field, {@code null} when absent or not a timestamp. */
    static Instant instant(final JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        }
        catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
