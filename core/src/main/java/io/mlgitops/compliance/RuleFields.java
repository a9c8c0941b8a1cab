package io.mlgitops.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One rule of a policy as written, with typed access to its fields. Every error names the policy, the rule id and
 * the field, so a reviewer can fix the policy file.
 */
public final class RuleFields {
    private final String policy;
    private final String id;
    private final String type;
    private final Map<String, JsonNode> fields;

    /**
     * @param policy where the rule was read: a file path or {@code pack NAME}
     * @param id     the rule's id
     * @param type   the rule's type
     * @param fields the rule's type-specific fields by name
     */
    public RuleFields(final String policy, final String id, final String type, final Map<String, JsonNode> fields) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.fields = Map.copyOf(fields);
    }

    public String policy() {
        return policy;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public boolean has(final String field) {
        return fields.containsKey(field);
    }

    /** The field's raw value, for structured fields. */
    public Optional<JsonNode> node(final String field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** An error about this rule as a whole. */
    public InputException invalid(final String problem) {
        return new InputException(String.format("%s: rule '%s' (%s): %s", policy, id, type, problem));
    }

    /** An error about one field of this rule. */
    public InputException invalid(final String field, final String problem) {
        return new InputException(String.format("%s: rule '%s' (%s), field '%s': %s", policy, id, type, field,
                problem));
    }

    public String string(final String field) throws InputException {
        return optionalString(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<String> optionalString(final String field) throws InputException {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw invalid(field, "must be a non-empty text, got " + value);
        }
        return Optional.of(value.asText());
    }

    /** A text field that must be one of {@code allowed}; {@code fallback} when absent. */
    public String choice(final String field, final String fallback, final Collection<String> allowed)
            throws InputException {
        String value = optionalString(field).orElse(fallback);
        if (!allowed.contains(value)) {
            throw invalid(field, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    public double number(final String field) throws InputException {
        OptionalDouble value = optionalNumber(field);
        if (value.isEmpty()) {
            throw invalid(field, "is required");
        }
        return value.getAsDouble();
    }

    public OptionalDouble optionalNumber(final String field) throws InputException {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw invalid(field, "must be a number, got " + value);
        }
        return OptionalDouble.of(value.asDouble());
    }

    /** A whole number of at least {@code minimum}; {@code fallback} when absent. */
    public int integer(final String field, final int fallback, final int minimum) throws InputException {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < minimum) {
            throw invalid(field, "must be a whole number of at least " + minimum + ", got " + value);
        }
        return value.asInt();
    }

    public boolean bool(final String field, final boolean fallback) throws InputException {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    /** A list of texts (a single text counts as a list of one); empty when absent. */
    public List<String> strings(final String field) throws InputException {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isValueNode()) {
            return List.of(optionalString(field).orElseThrow());
        }
        if (!value.isArray()) {
            throw invalid(field, "must be a list of texts, got " + value);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                throw invalid(field, "must be a list of non-empty texts, got " + value);
            }
            texts.add(item.asText());
        }
        return List.copyOf(texts);
    }

    /** Like {@link #strings(String)}, but at least one entry is required. */
    public List<String> requiredStrings(final String field) throws InputException {
        List<String> texts = strings(field);
        if (texts.isEmpty()) {
            throw invalid(field, "needs at least one entry");
        }
        return texts;
    }

    /** Requires at least one of the fields to be present. */
    public void requireAnyOf(final Set<String> names) throws InputException {
        if (names.stream().noneMatch(fields::containsKey)) {
            throw invalid("needs one of the fields " + String.join(", ", names.stream().sorted().toList()));
        }
    }
}
