package io.mlgitops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The scikit-learn / statsmodels reference outputs of {@code shared/reference/reference-vectors.json}, copied into the
 * test resources ({@code io/mlgitops/reference-vectors.json}). Values written as {@code "nan"} or {@code "inf"} are
 * read as the matching doubles.
 */
public final class ReferenceVectors {
    private static final JsonNode ROOT = load();

    private ReferenceVectors() {
    }

    private static JsonNode load() {
        try (InputStream input = ReferenceVectors.class.getResourceAsStream("/io/mlgitops/reference-vectors.json")) {
            if (input == null) {
                throw new IllegalStateException("Missing test resource io/mlgitops/reference-vectors.json");
            }
            return new ObjectMapper().readTree(input);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node at a path of field names, e.g. {@code at("binary", "champion")}. */
    public static JsonNode at(final String... path) {
        JsonNode node = ROOT;
        for (String field : path) {
            node = node.path(field);
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("No reference value at " + String.join(".", path));
            }
        }
        return node;
    }

    public static double number(final String... path) {
        return toDouble(at(path));
    }

    public static double[] doubles(final String... path) {
        JsonNode array = at(path);
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toDouble(array.get(i));
        }
        return values;
    }

    public static int[] ints(final String... path) {
        JsonNode array = at(path);
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static double toDouble(final JsonNode node) {
        if (node.isTextual()) {
            switch (node.asText()) {
                case "nan":
                    return Double.NaN;
                case "inf":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new IllegalArgumentException("Not a number: " + node);
            }
        }
        return node.asDouble();
    }
}
