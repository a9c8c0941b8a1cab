package io.mlgitops.compliance;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;

import java.util.Set;

/**
 * A kind of policy rule ({@code fairness}, {@code drift}, {@code vulnerabilities}, ...): which fields it accepts, how
 * they are validated when the policy is read (before any evidence is looked at, EU AI Act Art. 9(8)), and how the
 * evidence is judged.
 */
public interface RuleType {
    /** The {@code type} a policy writes, e.g. {@code fairness}. */
    String name();

    /** The fields this type accepts besides the common ones ({@code id}, {@code type}, {@code required}, ...). */
    Set<String> fields();

    /**
     * Checks the rule's fields when the policy is read.
     *
     * @throws InputException naming the policy, rule id and field (use {@link RuleFields#invalid})
     */
    void validate(RuleFields rule) throws InputException;

    /**
     * Judges the evidence. Returns {@link RuleCheck#notApplicable} when the evidence this rule needs was not supplied.
     *
     * @throws MlGitOpsException when the evidence is malformed or does not fit the rule (the rule's status becomes
     *                           {@link RuleStatus#ERROR} with this message)
     */
    RuleCheck check(RuleFields rule, Evidence evidence) throws MlGitOpsException;
}
