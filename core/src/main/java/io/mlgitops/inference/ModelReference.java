package io.mlgitops.inference;

import io.mlgitops.api.errors.InputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed model reference (DESIGN §4).
 */
public sealed interface ModelReference {
    String SCHEMES = "onnx:PATH, predictions:PATH, models:/NAME/VERSION, models:/NAME@ALIAS or http:URL";

    /** The reference as the user wrote it. */
    String text();

    /**
     * Parses a reference.
     *
     * @throws InputException naming the reference and the accepted forms when it is malformed
     */
    static ModelReference parse(final String reference) throws InputException {
        Objects.requireNonNull(reference, "reference");
        String text = reference.trim();
        if (text.startsWith("onnx:")) {
            return new Onnx(text, path(text, "onnx:".length()));
        }
        if (text.startsWith("predictions:")) {
            return new Predictions(text, path(text, "predictions:".length()));
        }
        if (text.startsWith("models:/")) {
            return Registry.parse(text);
        }
        if (text.startsWith("http:") || text.startsWith("https:")) {
            return Http.parse(text);
        }
        String hint = text.endsWith(".onnx") ? " Did you mean onnx:" + text + "?"
                : text.endsWith(".csv") ? " Did you mean predictions:" + text + "?" : "";
        throw new InputException("Unknown model reference '" + text + "': use " + SCHEMES + "." + hint);
    }

    private static Path path(final String text, final int start) throws InputException {
        String path = text.substring(start);
        if (path.isBlank()) {
            throw new InputException("Model reference '" + text + "' names no file: write " + text + "PATH.");
        }
        try {
            return Path.of(path);
        }
        catch (InvalidPathException invalid) {
            throw new InputException("Model reference '" + text + "' is not a valid path: " + invalid.getMessage(),
                    invalid);
        }
    }

    /**
     * An ONNX file or an MLflow model directory.
     *
     * @param text the reference
     * @param path the file or directory
     */
    record Onnx(String text, Path path) implements ModelReference {
    }

    /**
     * A CSV of precomputed predictions.
     *
     * @param text the reference
     * @param path the file
     */
    record Predictions(String text, Path path) implements ModelReference {
    }

    /**
     * A version in the MLflow model registry, by number or by alias.
     *
     * @param text    the reference
     * @param name    the registered model name
     * @param version the version number, or {@code null} for an alias
     * @param alias   the alias, or {@code null} for a version number
     */
    record Registry(String text, String name, String version, String alias) implements ModelReference {
        private static final Pattern BY_ALIAS = Pattern.compile("models:/(.+)@([\\w\\-]+)");
        private static final Pattern BY_VERSION = Pattern.compile("models:/(.+)/(\\d+)");

        static Registry parse(final String text) throws InputException {
            Matcher alias = BY_ALIAS.matcher(text);
            if (alias.matches()) {
                return new Registry(text, alias.group(1), null, alias.group(2));
            }
            Matcher version = BY_VERSION.matcher(text);
            if (version.matches()) {
                return new Registry(text, version.group(1), version.group(2), null);
            }
            throw new InputException("Model reference '" + text + "' is not models:/NAME/VERSION (a version number) "
                    + "or models:/NAME@ALIAS. Stages such as /Production are deprecated in MLflow: use an alias.");
        }
    }

    /**
     * A model served over HTTP: an MLflow scoring server or an Open Inference Protocol endpoint.
     *
     * @param text     the reference
     * @param endpoint the URL
     */
    record Http(String text, URI endpoint) implements ModelReference {
        static Http parse(final String text) throws InputException {
            String url = text.startsWith("http:http") ? text.substring("http:".length()) : text;
            try {
                URI endpoint = new URI(url);
                if (endpoint.getHost() == null || !("http".equals(endpoint.getScheme())
                        || "https".equals(endpoint.getScheme()))) {
                    throw new InputException("Model reference '" + text + "' is not an http(s) URL with a host: write "
                            + "http:http://HOST:PORT/invocations or http:https://HOST/v2/models/NAME.");
                }
                return new Http(text, endpoint);
            }
            catch (URISyntaxException malformed) {
                throw new InputException("Model reference '" + text + "' is not a valid URL: "
                        + malformed.getMessage(), malformed);
            }
        }
    }
}
