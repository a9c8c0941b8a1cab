package io.mlgitops.compliance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rules written as YAML, fixture files copied to a test folder, and typed access to a check's evidence. */
final class SecurityFixtures {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SecurityFixtures() {
    }

    /** A rule of the given type whose fields are the YAML mapping {@code fields}, e.g. {@code "maxCvss: 7.0"}. */
    static RuleFields rule(final String type, final String fields) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        try {
            JsonNode root = YAML.readTree(fields.isBlank() ? "{}" : fields);
            root.properties().forEach(field -> byName.put(field.getKey(), field.getValue()));
        }
        catch (IOException invalid) {
            throw new UncheckedIOException(invalid);
        }
        return new RuleFields("policy.yaml", "r1", type, byName);
    }

    /** Copies a test resource of this package into {@code folder}. */
    static Path copy(final String resource, final Path folder) throws IOException {
        Path file = folder.resolve(resource);
        try (InputStream in = Objects.requireNonNull(SecurityFixtures.class.getResourceAsStream(resource),
                resource)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    static Path write(final Path folder, final String name, final String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(final RuleCheck check, final String key) {
        return (List<Map<String, Object>>) check.evidence().get(key);
    }

    /** The entry of an evidence list whose {@code field} equals {@code value}. */
    static Map<String, Object> entry(final RuleCheck check, final String key, final String field,
            final String value) {
        return list(check, key).stream().filter(item -> value.equals(item.get(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " entry with " + field + " " + value + " in "
                        + check.evidence()));
    }
}
