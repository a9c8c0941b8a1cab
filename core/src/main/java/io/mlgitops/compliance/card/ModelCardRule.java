package io.mlgitops.compliance.card;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.util.Set;

/** SKELETON: to be implemented. */
public final class ModelCardRule implements RuleType {
    @Override
    public String name() {
        return "modelCard";
    }

    @Override
    public Set<String> fields() {
        return Set.of();
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        throw rule.invalid("rule type modelCard is not implemented yet");
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        throw rule.invalid("rule type modelCard is not implemented yet");
    }
}
