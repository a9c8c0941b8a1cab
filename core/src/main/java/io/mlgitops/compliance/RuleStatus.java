package io.mlgitops.compliance;

/** The outcome of one policy rule. */
public enum RuleStatus {
    /** The evidence meets the rule. */
    PASSED,
    /** The evidence breaks the rule and no waiver covers every finding. */
    FAILED,
    /** The evidence breaks the rule and valid waivers cover every finding. */
    WAIVED,
    /** The rule's evidence was not supplied and the rule is not {@code required}. */
    NOT_APPLICABLE,
    /** The rule could not be evaluated: its evidence is malformed or does not fit the rule. */
    ERROR
}
