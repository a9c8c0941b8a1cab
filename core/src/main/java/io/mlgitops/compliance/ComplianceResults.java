package io.mlgitops.compliance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results} of a compliance report.
 *
 * @param region     the region the run was judged for; {@code null} when not given
 * @param modelType  the model type the run was judged for; {@code null} when not given
 * @param summary    the number of rules per status
 * @param rules      every rule of every policy, in policy and file order
 * @param waivers    the waivers: applied, expired (not applied), unused
 * @param policies   the policies with their digests and whether they applied
 */
@JsonPropertyOrder({"region", "modelType", "summary", "rules", "waivers", "policies"})
public record ComplianceResults(String region, String modelType, Map<RuleStatus, Integer> summary,
        List<RuleResult> rules, Waivers waivers, List<PolicyUse> policies) {
    public ComplianceResults {
        summary = Collections.unmodifiableMap(new EnumMap<>(summary));
        rules = List.copyOf(rules);
        policies = List.copyOf(policies);
    }

    /** Whether every rule passed, was waived or did not apply. */
    public boolean passed() {
        return rules.stream().noneMatch(rule -> rule.status() == RuleStatus.FAILED
                || rule.status() == RuleStatus.ERROR);
    }

    /**
     * What happened to the waivers.
     *
     * @param applied  waivers that covered at least one finding
     * @param expired  waivers past their date: not applied
     * @param unused   valid waivers that covered nothing
     * @param orphaned waivers naming a rule no policy of the run defines: they cover nothing
     */
    public record Waivers(List<WaiverUse> applied, List<WaiverUse> expired, List<WaiverUse> unused,
            List<WaiverUse> orphaned) {
        public Waivers {
            applied = List.copyOf(applied);
            expired = List.copyOf(expired);
            unused = List.copyOf(unused);
            orphaned = List.copyOf(orphaned);
        }
    }

    /**
     * A waiver and the findings it covered.
     *
     * @param policy     where the waiver is written
     * @param rule       the rule it names
     * @param match      the finding pattern; {@code null} waives every finding of the rule
     * @param reason     why
     * @param approvedBy who approved it
     * @param expires    its last day
     * @param covered    the keys of the findings it covered
     */
    @JsonPropertyOrder({"policy", "rule", "match", "reason", "approvedBy", "expires", "covered"})
    public record WaiverUse(String policy, String rule, String match, String reason, String approvedBy,
            String expires, List<String> covered) {
        static WaiverUse of(final Waiver waiver, final List<String> covered) {
            return new WaiverUse(waiver.policy(), waiver.rule(), waiver.match().orElse(null), waiver.reason(),
                    waiver.approvedBy(), waiver.expires().toString(), covered);
        }
    }

    /**
     * A policy that took part.
     *
     * @param name      its name
     * @param source    its file or {@code pack NAME}
     * @param sha256    the digest of its bytes
     * @param applied   whether it applied to this region and model type
     * @param exclusion why it did not apply; {@code null} when it did
     */
    @JsonPropertyOrder({"name", "source", "sha256", "applied", "exclusion"})
    public record PolicyUse(String name, String source, String sha256, boolean applied, String exclusion) {
    }
}
