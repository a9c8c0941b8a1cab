package io.mlgitops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real report JSON of every kind, written by the command line on the examples (see the README beside them under
 * {@code src/test/resources/io/mlgitops/report/html/}), and hostile copies of them whose every name and message holds
 * markup.
 */
public final class ReportFixtures {
    /** Text that would run a script, close an attribute or an SVG element, and format Markdown, if not escaped. */
    public static final String HOSTILE = "<script>alert(\"x\")</script> & 'q' </svg><img src=x onerror=alert(1)> "
            + "| *b* [l](javascript:x) $m$ @team";

    /** Every fixture, in an order that shows each kind. */
    public static final List<String> NAMES = List.of("benchmark.json", "compliance.json", "promotion.json",
            "promotion-argocd.json", "canary-promoted.json", "canary-rolled-back.json",
            "canary-rolled-back-gitops.json");

    private static final String FOLDER = "/io/mlgitops/report/html/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields whose values must stay parseable for the charts to be drawn. */
    private static final Set<String> KEEP = Set.of("kind", "startedAt", "finishedAt", "endedAt", "time",
            "schemaVersion", "digest");
    /** Fields whose objects have keys that are data (evidence, tags, model details), not schema field names. */
    private static final Set<String> FREE_KEYS = Set.of("subject", "inputs", "evidence", "summary", "tags",
            "timings");

    private ReportFixtures() {
    }

    public static JsonNode read(final String name) {
        try (InputStream json = ReportFixtures.class.getResourceAsStream(FOLDER + name)) {
            if (json == null) {
                throw new IllegalArgumentException("No report fixture " + name + " under " + FOLDER);
            }
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> all() {
        return NAMES.stream().map(ReportFixtures::read).toList();
    }

    /** Copies every fixture into the folder and returns the files. */
    public static List<Path> copyTo(final Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : NAMES) {
            Path file = folder.resolve(name);
            Files.createDirectories(folder);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(read(name)));
            files.add(file);
        }
        return files;
    }

    /**
     * A copy of the report with {@link #HOSTILE} appended to every text value (names, ids, messages, checks, file
     * names, statuses) and to the keys of data objects (subject, inputs, evidence, tags), and with an extra field at
     * the top level and in the results. The kind, times, the schema version and the digest stay as they were.
     */
    public static JsonNode hostile(final JsonNode report) {
        ObjectNode copy = (ObjectNode) spoil(report.deepCopy(), false);
        copy.put("extra" + HOSTILE, HOSTILE);
        if (copy.path("results").isObject()) {
            ((ObjectNode) copy.get("results")).put("extra" + HOSTILE, HOSTILE);
        }
        return copy;
    }

    private static JsonNode spoil(final JsonNode node, final boolean freeKeys) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText() + HOSTILE);
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(spoil(element, freeKeys)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                JsonNode value = KEEP.contains(key) ? field.getValue()
                        : spoil(field.getValue(), freeKeys || FREE_KEYS.contains(key));
                object.set(freeKeys ? key + HOSTILE : key, value);
            }
            return object;
        }
        return node;
    }
}
