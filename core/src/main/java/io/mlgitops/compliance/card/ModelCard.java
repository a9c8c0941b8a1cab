package io.mlgitops.compliance.card;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model card: a Model Card Toolkit document (YAML or JSON), or a Hugging Face README whose YAML front matter holds
 * the metadata and whose Markdown headings hold the prose sections.
 */
final class ModelCard {
    static final String HUGGING_FACE = "hugging-face";
    static final String MODEL_CARD_TOOLKIT = "model-card-toolkit";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---\\R(.*?)\\R---\\R?(.*)\\z",
            Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

    private final Path file;
    private final String format;
    private final JsonNode root;
    private final String markdown;

    private ModelCard(final Path file, final String format, final JsonNode root, final String markdown) {
        this.file = file;
        this.format = format;
        this.root = root;
        this.markdown = markdown;
    }

    /** Reads a card; a {@code .md} file is a Hugging Face card, anything else YAML or JSON. */
    static ModelCard read(final Path file) throws InputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            throw new InputException("Model card " + file + " cannot be read (" + unreadable.getMessage()
                    + "). Check the path given as --model-card.", unreadable);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            Matcher matcher = FRONT_MATTER.matcher(text);
            JsonNode metadata = matcher.matches() ? parse(file, matcher.group(1)) : MissingNode.getInstance();
            return new ModelCard(file, HUGGING_FACE, metadata, matcher.matches() ? matcher.group(2) : text);
        }
        JsonNode root = parse(file, text);
        if (!root.isObject()) {
            throw new InputException("Model card " + file + " must be a YAML or JSON mapping (Model Card Toolkit "
                    + "fields such as model_details, considerations) or a Hugging Face README.md.");
        }
        return new ModelCard(file, MODEL_CARD_TOOLKIT, root, "");
    }

    private static JsonNode parse(final Path file, final String text) throws InputException {
        try {
            JsonNode node = YAML.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        }
        catch (JsonProcessingException malformed) {
            throw new InputException(String.format("Model card %s is not valid YAML or JSON: %s. Fix the syntax.",
                    file, malformed.getOriginalMessage()), malformed);
        }
    }

    Path file() {
        return file;
    }

    String format() {
        return format;
    }

    JsonNode root() {
        return root;
    }

    /**
     * Whether a dotted field path holds a value that is not empty. Through a list, any element may hold the rest of
     * the path ({@code model_details.owners.name}: some owner has a name).
     */
    boolean hasField(final String path) {
        return present(root, List.of(path.split("\\.")), 0);
    }

    private static boolean present(final JsonNode node, final List<String> path, final int depth) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (present(item, path, depth)) {
                    return true;
                }
            }
            return false;
        }
        if (depth == path.size()) {
            return node.isContainerNode() ? !node.isEmpty() : !node.asText().isBlank();
        }
        return node.isObject() && present(node.get(path.get(depth)), path, depth + 1);
    }

    /**
     * The overall performance metrics the card declares, by the name it gives: Model Card Toolkit's
     * {@code quantitative_analysis.performance_metrics} without a slice, Hugging Face's {@code model-index} results.
     */
    Map<String, JsonNode> declaredMetrics() {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode metric : root.path("quantitative_analysis").path("performance_metrics")) {
            if (metric.path("slice").asText().isBlank() && metric.hasNonNull("type")) {
                declared.put(metric.path("type").asText(), metric.path("value"));
            }
        }
        for (JsonNode model : root.path("model-index")) {
            for (JsonNode result : model.path("results")) {
                for (JsonNode metric : result.path("metrics")) {
                    if (metric.hasNonNull("type")) {
                        declared.put(metric.path("type").asText(), metric.path("value"));
                    }
                }
            }
        }
        return declared;
    }

    /** Whether the Markdown body has a heading with this title (case-insensitive) followed by some text. */
    boolean hasSection(final String title) {
        Matcher heading = HEADING.matcher(markdown);
        List<int[]> spans = new ArrayList<>();
        while (heading.find()) {
            spans.add(new int[] {heading.start(), heading.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            String found = markdown.substring(spans.get(i)[0], spans.get(i)[1]).replaceAll("^#+\\s*", "").trim();
            if (found.equalsIgnoreCase(title.trim())) {
                int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : markdown.length();
                String body = markdown.substring(spans.get(i)[1], end)
                        .replaceAll("(?s)<!--.*?-->", "").replaceAll("\\[More Information Needed]", "");
                return !body.isBlank();
            }
        }
        return false;
    }
}
