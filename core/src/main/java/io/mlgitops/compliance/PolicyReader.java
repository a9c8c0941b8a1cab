package io.mlgitops.compliance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.FileDigests;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a {@code CompliancePolicy} YAML document and validates every rule before any evidence is looked at, so the
 * thresholds are fixed before testing (EU AI Act Art. 9(8)). YAML is read as plain data: no tags, no object
 * construction, duplicate keys refused.
 */
public final class PolicyReader {
    public static final String API_VERSION = "mlgitops.io/v1";
    public static final String KIND = "CompliancePolicy";
    private static final Set<String> COMMON_RULE_FIELDS = Set.of("id", "type", "required", "description", "cites");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private PolicyReader() {
    }

    /**
     * @param source  where the policy comes from, for messages and the report: a file path or {@code pack NAME}
     * @param content the YAML bytes
     * @throws InputException naming the source, the rule id and the field that is wrong, and how to fix it
     */
    public static Policy read(final String source, final byte[] content) throws InputException {
        JsonNode root = parse(source, content);
        Structure document = new Structure(source, "the document", root);
        document.onlyKeys(Set.of("apiVersion", "kind", "metadata", "spec"));
        document.expectText("apiVersion", API_VERSION);
        document.expectText("kind", KIND);
        Structure metadata = document.mapping("metadata");
        metadata.onlyKeys(Set.of("name", "description", "labels", "annotations"));
        String name = metadata.text("name");
        Structure spec = document.mapping("spec");
        spec.onlyKeys(Set.of("appliesTo", "rules", "waivers"));
        AppliesTo appliesTo = appliesTo(spec);
        List<PolicyRule> rules = rules(source, spec);
        List<Waiver> waivers = waivers(source, spec);
        String sha256 = FileDigests.of(content, source).sha256();
        return new Policy(name, source, sha256, appliesTo, rules, waivers);
    }

    private static JsonNode parse(final String source, final byte[] content) throws InputException {
        try {
            JsonNode root = YAML.readTree(new String(content, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw new InputException(source + ": a compliance policy must be a YAML mapping with apiVersion: "
                        + API_VERSION + ", kind: " + KIND + ", metadata and spec.");
            }
            return root;
        }
        catch (JsonProcessingException malformed) {
            throw new InputException(String.format("%s is not valid YAML: %s. Fix the syntax at that line.", source,
                    malformed.getOriginalMessage()), malformed);
        }
    }

    private static AppliesTo appliesTo(final Structure spec) throws InputException {
        if (!spec.has("appliesTo")) {
            return AppliesTo.ALWAYS;
        }
        Structure appliesTo = spec.mapping("appliesTo");
        appliesTo.onlyKeys(Set.of("regions", "modelTypes"));
        return new AppliesTo(appliesTo.texts("regions"), appliesTo.texts("modelTypes"));
    }

    private static List<PolicyRule> rules(final String source, final Structure spec) throws InputException {
        if (!spec.has("rules") && spec.has("waivers")) {
            return List.of();
        }
        List<Structure> items = spec.list("rules");
        if (items.isEmpty()) {
            throw new InputException(source + ": spec.rules is empty; a policy needs at least one rule (or, to hold "
                    + "only waivers for the rules of other policies, spec.waivers and no spec.rules).");
        }
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Structure item : items) {
            PolicyRule rule = rule(source, item);
            if (!ids.add(rule.id())) {
                throw new InputException(String.format("%s: two rules have the id '%s'; rule ids must be unique "
                        + "within a policy.", source, rule.id()));
            }
            rules.add(rule);
        }
        return rules;
    }

    private static PolicyRule rule(final String source, final Structure item) throws InputException {
        String id = item.text("id");
        if (!RULE_ID.matcher(id).matches()) {
            throw item.invalid("id '" + id + "' may hold only letters, digits, '.', '_' and '-'");
        }
        String typeName = item.text("type");
        RuleType type = RuleTypes.find(typeName).orElseThrow(() -> new InputException(String.format(
                "%s: rule '%s' has the unknown type '%s'. Known types: %s.", source, id, typeName,
                String.join(", ", RuleTypes.names()))));
        Map<String, JsonNode> specific = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : item.node.properties()) {
            if (COMMON_RULE_FIELDS.contains(field.getKey())) {
                continue;
            }
            if (!type.fields().contains(field.getKey())) {
                Set<String> accepted = new TreeSet<>(type.fields());
                accepted.addAll(COMMON_RULE_FIELDS);
                throw new InputException(String.format("%s: rule '%s' (%s) has the unknown field '%s'. Fields of %s "
                        + "rules: %s.", source, id, typeName, field.getKey(), typeName, String.join(", ", accepted)));
            }
            specific.put(field.getKey(), field.getValue());
        }
        RuleFields fields = new RuleFields(source, id, typeName, specific);
        type.validate(fields);
        boolean required = item.bool("required");
        String description = item.optionalText("description").orElse("");
        return new PolicyRule(fields, type, required, description, item.texts("cites"));
    }

    private static List<Waiver> waivers(final String source, final Structure spec) throws InputException {
        if (!spec.has("waivers")) {
            return List.of();
        }
        List<Waiver> waivers = new ArrayList<>();
        for (Structure item : spec.list("waivers")) {
            item.onlyKeys(Set.of("rule", "match", "reason", "approvedBy", "expires"));
            String expires = item.text("expires");
            try {
                waivers.add(new Waiver(source, item.text("rule"), item.optionalText("match"), item.text("reason"),
                        item.text("approvedBy"), LocalDate.parse(expires)));
            }
            catch (DateTimeParseException notADate) {
                throw item.invalid("expires '" + expires + "' is not a date; write it as YYYY-MM-DD");
            }
        }
        return waivers;
    }

    /** A YAML mapping at a known place of the document, with errors that name that place. */
    private static final class Structure {
        private final String source;
        private final String where;
        private final JsonNode node;

        Structure(final String source, final String where, final JsonNode node) {
            this.source = source;
            this.where = where;
            this.node = node;
        }

        InputException invalid(final String problem) {
            return new InputException(source + ": " + where + ": " + problem + ".");
        }

        boolean has(final String key) {
            return node.has(key) && !node.get(key).isNull();
        }

        void onlyKeys(final Set<String> allowed) throws InputException {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (!allowed.contains(key)) {
                    throw invalid("unknown field '" + key + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
                }
            }
        }

        Optional<String> optionalText(final String key) throws InputException {
            if (!has(key)) {
                return Optional.empty();
            }
            JsonNode value = node.get(key);
            if (!value.isValueNode() || value.asText().isBlank()) {
                throw invalid("field '" + key + "' must be a non-empty text, got " + value);
            }
            return Optional.of(value.asText().trim());
        }

        String text(final String key) throws InputException {
            return optionalText(key).orElseThrow(() -> invalid("field '" + key + "' is required"));
        }

        void expectText(final String key, final String expected) throws InputException {
            String value = text(key);
            if (!value.equals(expected)) {
                throw invalid(key + " must be '" + expected + "', got '" + value + "'");
            }
        }

        boolean bool(final String key) throws InputException {
            if (!has(key)) {
                return false;
            }
            if (!node.get(key).isBoolean()) {
                throw invalid("field '" + key + "' must be true or false, got " + node.get(key));
            }
            return node.get(key).asBoolean();
        }

        List<String> texts(final String key) throws InputException {
            if (!has(key)) {
                return List.of();
            }
            JsonNode value = node.get(key);
            if (value.isValueNode()) {
                return List.of(text(key));
            }
            if (!value.isArray()) {
                throw invalid("field '" + key + "' must be a list of texts, got " + value);
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                    throw invalid("field '" + key + "' must be a list of non-empty texts, got " + value);
                }
                texts.add(item.asText().trim());
            }
            return texts;
        }

        Structure mapping(final String key) throws InputException {
            if (!has(key) || !node.get(key).isObject()) {
                throw invalid("field '" + key + "' is required and must be a mapping");
            }
            return new Structure(source, where.equals("the document") ? key : where + "." + key, node.get(key));
        }

        List<Structure> list(final String key) throws InputException {
            if (!has(key) || !node.get(key).isArray()) {
                throw invalid("field '" + key + "' is required and must be a list");
            }
            List<Structure> items = new ArrayList<>();
            String prefix = where.equals("the document") ? key : where + "." + key;
            int index = 0;
            for (JsonNode item : node.get(key)) {
                String place = prefix + "[" + index++ + "]";
                if (!item.isObject()) {
                    throw new InputException(source + ": " + place + " must be a mapping, got " + item + ".");
                }
                items.add(new Structure(source, place, item));
            }
            return items;
        }
    }
}
