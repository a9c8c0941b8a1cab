package io.mlgitops.compliance;

import java.util.List;
import java.util.Objects;

/**
 * A validated rule of a policy.
 *
 * @param fields      the rule as written (id, type, type-specific fields)
 * @param type        the rule type that judges it
 * @param required    whether missing evidence fails the rule instead of making it not applicable
 * @param description what the rule is for, in the policy author's words; may be empty
 * @param cites       the articles or regulations the rule serves
 */
public record PolicyRule(RuleFields fields, RuleType type, boolean required, String description, List<String> cites) {
    public PolicyRule {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        cites = List.copyOf(cites);
    }

    public String id() {
        return fields.id();
    }
}
