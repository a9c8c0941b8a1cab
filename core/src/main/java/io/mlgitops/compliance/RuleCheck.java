package io.mlgitops.compliance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule type found in the evidence, before waivers apply.
 *
 * @param status   {@link RuleStatus#PASSED}, {@link RuleStatus#FAILED} or {@link RuleStatus#NOT_APPLICABLE}
 * @param message  one sentence a reviewer understands: what was checked and what came out
 * @param evidence the numbers behind the status (group rates, PSI per column, CVEs, imports), JSON-friendly values
 *                 (strings, numbers, booleans, lists and maps of them)
 * @param findings the violations, each waivable on its own; not empty when failed
 */
public record RuleCheck(RuleStatus status, String message, Map<String, Object> evidence, List<Finding> findings) {
    public RuleCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (status == RuleStatus.WAIVED || status == RuleStatus.ERROR) {
            throw new IllegalArgumentException("A rule type reports passed, failed or not applicable, not " + status);
        }
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        findings = List.copyOf(findings);
        if (status == RuleStatus.FAILED && findings.isEmpty()) {
            throw new IllegalArgumentException("A failed rule names at least one finding");
        }
    }

    public static RuleCheck passed(final String message, final Map<String, Object> evidence) {
        return new RuleCheck(RuleStatus.PASSED, message, evidence, List.of());
    }

    public static RuleCheck failed(final String message, final Map<String, Object> evidence,
            final List<Finding> findings) {
        return new RuleCheck(RuleStatus.FAILED, message, evidence, findings);
    }

    /** Passed when there are no findings, failed otherwise. */
    public static RuleCheck of(final List<Finding> findings, final String passedMessage, final String failedMessage,
            final Map<String, Object> evidence) {
        return findings.isEmpty() ? passed(passedMessage, evidence) : failed(failedMessage, evidence, findings);
    }

    /** The evidence this rule needs was not supplied; {@code missing} says which input would supply it. */
    public static RuleCheck notApplicable(final String missing) {
        return new RuleCheck(RuleStatus.NOT_APPLICABLE, missing, Map.of(), List.of());
    }
}
