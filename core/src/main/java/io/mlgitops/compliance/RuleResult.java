package io.mlgitops.compliance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The judgement of one rule, as the report shows it.
 *
 * @param id          the rule's id
 * @param type        the rule's type
 * @param policy      the name of the policy that holds the rule
 * @param status      the outcome after waivers
 * @param message     what was checked and what came out
 * @param cites       the articles or regulations the rule serves
 * @param description the policy author's description; may be empty
 * @param evidence    the numbers behind the status
 * @param findings    the violations no waiver covers
 * @param waived      the violations waivers cover, with the waiver that covers each
 */
@JsonPropertyOrder({"id", "type", "policy", "status", "message", "cites", "description", "evidence", "findings",
        "waived"})
public record RuleResult(String id, String type, String policy, RuleStatus status, String message, List<String> cites,
        String description, Map<String, Object> evidence, List<Finding> findings, List<WaivedFinding> waived) {
    public RuleResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        cites = List.copyOf(cites);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
    }

    /**
     * A finding a waiver covers.
     *
     * @param key        the finding's key
     * @param message    the finding
     * @param reason     the waiver's reason
     * @param approvedBy who approved the waiver
     * @param expires    the waiver's last day
     */
    public record WaivedFinding(String key, String message, String reason, String approvedBy, String expires) {
        static WaivedFinding of(final Finding finding, final Waiver waiver) {
            return new WaivedFinding(finding.key(), finding.message(), waiver.reason(), waiver.approvedBy(),
                    waiver.expires().toString());
        }
    }
}
