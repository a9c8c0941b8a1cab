package io.mlgitops.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rules and data sets for rule type tests: a rule's fields from a line of YAML, a data set from CSV text. */
public final class RuleFixture {
    /** The policy file named in rule errors. */
    public static final String POLICY = "policy.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFixture() {
    }

    /** A rule with id {@code r1} of this type, its fields given as a YAML map such as {@code {method: psi}}. */
    public static RuleFields rule(final String type, final String yamlFields) throws IOException {
        JsonNode node = YAML.readTree(yamlFields);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        return new RuleFields(POLICY, "r1", type, fields);
    }

    /** Writes {@code content} to {@code folder/name} and reads it as a data set. */
    public static Dataset csv(final Path folder, final String name, final String content)
            throws IOException, InputException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return CsvReader.read(file);
    }
}
