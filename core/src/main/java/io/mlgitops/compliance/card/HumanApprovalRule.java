package io.mlgitops.compliance.card;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code humanApproval}: a person approved the release (EU AI Act Art. 14, human oversight) — given as
 * {@code --approved-by}, or the submitter of the Jenkins {@code input} step. With {@code approvers}, only those may.
 */
public final class HumanApprovalRule implements RuleType {
    private static final String APPROVERS = "approvers";

    @Override
    public String name() {
        return "humanApproval";
    }

    @Override
    public Set<String> fields() {
        return Set.of(APPROVERS);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        rule.strings(APPROVERS);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws InputException {
        Optional<String> approver = evidence.approvedBy();
        if (approver.isEmpty()) {
            return RuleCheck.notApplicable("No approver was recorded (--approved-by, or a Jenkins input step "
                    + "before this one).");
        }
        List<String> approvers = rule.strings(APPROVERS);
        Map<String, Object> details = approvers.isEmpty() ? Map.of("approvedBy", approver.get())
                : Map.of("approvedBy", approver.get(), APPROVERS, approvers);
        boolean allowed = approvers.isEmpty() || approvers.stream()
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(approver.get().toLowerCase(Locale.ROOT)));
        if (allowed) {
            return RuleCheck.passed("Approved by " + approver.get() + ".", details);
        }
        String message = approver.get() + " approved the release but is not one of the approvers " + approvers + ".";
        return RuleCheck.failed(message, details, List.of(new Finding(approver.get(), message)));
    }
}
