package io.mlgitops.compliance;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges evidence against policies: runs every rule of every applicable policy, then lets unexpired waivers cover
 * findings. A rule that cannot be evaluated is an {@link RuleStatus#ERROR} of that rule, not of the run.
 */
public final class ComplianceEvaluator {
    static final String MISSING_EVIDENCE = "missing-evidence";

    private final Optional<String> region;
    private final Optional<String> modelType;
    private final LocalDate today;
    private final ProgressListener progress;

    /**
     * @param region    the region the model is released in; empty applies every policy
     * @param modelType the model's type; empty applies every policy
     * @param today     the date waivers are checked against
     * @param progress  receives one line per rule
     */
    public ComplianceEvaluator(final Optional<String> region, final Optional<String> modelType, final LocalDate today,
            final ProgressListener progress) {
        this.region = Objects.requireNonNull(region, "region");
        this.modelType = Objects.requireNonNull(modelType, "modelType");
        this.today = Objects.requireNonNull(today, "today");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Judges the evidence. A waiver that names a rule no policy of this run defines covers nothing and is reported, so
     * one waiver file can serve runs with different packs, and a mistyped rule id fails closed.
     */
    public ComplianceResults evaluate(final List<Policy> policies, final Evidence evidence) {
        Set<String> ids = new LinkedHashSet<>();
        policies.forEach(policy -> policy.rules().forEach(rule -> ids.add(rule.id())));
        Map<Waiver, List<String>> covered = new IdentityHashMap<>();
        List<Waiver> valid = new ArrayList<>();
        List<ComplianceResults.WaiverUse> expired = new ArrayList<>();
        List<ComplianceResults.WaiverUse> orphaned = new ArrayList<>();
        for (Waiver waiver : policies.stream().flatMap(policy -> policy.waivers().stream()).toList()) {
            if (!ids.contains(waiver.rule())) {
                orphaned.add(ComplianceResults.WaiverUse.of(waiver, List.of()));
                progress.warn(String.format("%s: a waiver names the rule '%s', which no policy of this run defines "
                        + "(rules: %s); it covers nothing.", waiver.policy(), waiver.rule(), String.join(", ", ids)));
            }
            else if (waiver.isExpired(today)) {
                expired.add(ComplianceResults.WaiverUse.of(waiver, List.of()));
                progress.warn("Waiver expired on " + waiver.expires() + ", not applied: " + waiver.describe());
            }
            else {
                valid.add(waiver);
                covered.put(waiver, new ArrayList<>());
            }
        }
        List<RuleResult> rules = new ArrayList<>();
        List<ComplianceResults.PolicyUse> uses = new ArrayList<>();
        for (Policy policy : policies) {
            Optional<String> exclusion = policy.appliesTo().exclusion(region, modelType);
            uses.add(new ComplianceResults.PolicyUse(policy.name(), policy.source(), policy.sha256(),
                    exclusion.isEmpty(), exclusion.orElse(null)));
            for (PolicyRule rule : policy.rules()) {
                RuleResult result = exclusion.isPresent()
                        ? excluded(policy, rule, exclusion.get())
                        : judge(policy, rule, evidence, valid, covered);
                progress.info(String.format("[%s] %s (%s): %s", result.status(), result.id(), result.type(),
                        result.message()));
                rules.add(result);
            }
        }
        List<ComplianceResults.WaiverUse> applied = new ArrayList<>();
        List<ComplianceResults.WaiverUse> unused = new ArrayList<>();
        for (Waiver waiver : valid) {
            List<String> keys = List.copyOf(new LinkedHashSet<>(covered.get(waiver)));
            (keys.isEmpty() ? unused : applied).add(ComplianceResults.WaiverUse.of(waiver, keys));
        }
        return new ComplianceResults(region.orElse(null), modelType.orElse(null), summary(rules), rules,
                new ComplianceResults.Waivers(applied, expired, unused, orphaned), uses);
    }

    private static RuleResult excluded(final Policy policy, final PolicyRule rule, final String exclusion) {
        return result(policy, rule, RuleStatus.NOT_APPLICABLE, "Policy " + policy.name() + " does not apply: "
                + exclusion + ".", Map.of(), List.of(), List.of());
    }

    private static RuleResult judge(final Policy policy, final PolicyRule rule, final Evidence evidence,
            final List<Waiver> waivers, final Map<Waiver, List<String>> covered) {
        RuleCheck check;
        try {
            check = rule.type().check(rule.fields(), evidence);
        }
        catch (MlGitOpsException unusable) {
            return result(policy, rule, RuleStatus.ERROR, unusable.getMessage(), Map.of(), List.of(), List.of());
        }
        if (check.status() == RuleStatus.NOT_APPLICABLE && rule.required()) {
            String message = "Required evidence is missing: " + check.message();
            check = RuleCheck.failed(message, check.evidence(), List.of(new Finding(MISSING_EVIDENCE, message)));
        }
        if (check.status() != RuleStatus.FAILED) {
            return result(policy, rule, check.status(), check.message(), check.evidence(), List.of(), List.of());
        }
        List<Finding> open = new ArrayList<>();
        List<RuleResult.WaivedFinding> waived = new ArrayList<>();
        for (Finding finding : check.findings()) {
            Optional<Waiver> waiver = waivers.stream()
                    .filter(candidate -> candidate.rule().equals(rule.id()) && candidate.covers(finding))
                    .findFirst();
            if (waiver.isPresent()) {
                covered.get(waiver.get()).add(finding.key());
                waived.add(RuleResult.WaivedFinding.of(finding, waiver.get()));
            }
            else {
                open.add(finding);
            }
        }
        if (open.isEmpty()) {
            return result(policy, rule, RuleStatus.WAIVED, check.message() + " Every finding is waived.",
                    check.evidence(), open, waived);
        }
        String message = waived.isEmpty() ? check.message()
                : check.message() + " " + waived.size() + " of " + check.findings().size() + " findings waived.";
        return result(policy, rule, RuleStatus.FAILED, message, check.evidence(), open, waived);
    }

    private static RuleResult result(final Policy policy, final PolicyRule rule, final RuleStatus status,
            final String message, final Map<String, Object> evidence, final List<Finding> findings,
            final List<RuleResult.WaivedFinding> waived) {
        return new RuleResult(rule.id(), rule.fields().type(), policy.name(), status, message, rule.cites(),
                rule.description(), evidence, findings, waived);
    }

    private static Map<RuleStatus, Integer> summary(final List<RuleResult> rules) {
        Map<RuleStatus, Integer> counts = new EnumMap<>(RuleStatus.class);
        for (RuleStatus status : RuleStatus.values()) {
            counts.put(status, 0);
        }
        rules.forEach(rule -> counts.merge(rule.status(), 1, Integer::sum));
        return counts;
    }
}
