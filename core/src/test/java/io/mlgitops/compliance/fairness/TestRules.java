package io.mlgitops.compliance.fairness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.compliance.RuleFields;

import java.util.Map;

/** Rules as a policy file {@code policy.yaml} would hold them, written as JSON objects. */
final class TestRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRules() {
    }

    /** A rule {@code under-test} of the given type with the fields of a JSON object, e.g. {@code {"min": 0.8}}. */
    static RuleFields rule(final String type, final String fields) {
        try {
            Map<String, JsonNode> map = JSON.readValue(fields, new TypeReference<Map<String, JsonNode>>() {
            });
            return new RuleFields("policy.yaml", "under-test", type, map);
        }
        catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException("Invalid JSON in a test: " + fields, invalid);
        }
    }
}
