package io.mlgitops.compliance;

import io.mlgitops.compliance.card.DeclaredMetricsRule;
import io.mlgitops.compliance.card.HumanApprovalRule;
import io.mlgitops.compliance.card.ModelCardRule;
import io.mlgitops.compliance.drift.DriftRule;
import io.mlgitops.compliance.fairness.FairnessRule;
import io.mlgitops.compliance.fairness.FeatureDenylistRule;
import io.mlgitops.compliance.quality.DataExpectationRule;
import io.mlgitops.compliance.security.ModelArtifactsRule;
import io.mlgitops.compliance.security.SbomLicensesRule;
import io.mlgitops.compliance.security.VulnerabilitiesRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rule types a policy may use, by the {@code type} it writes. */
public final class RuleTypes {
    private static final Map<String, RuleType> BUILT_IN = index(List.of(new ModelCardRule(),
            new DeclaredMetricsRule(), new FairnessRule(), new FeatureDenylistRule(), new DataExpectationRule(),
            new DriftRule(), new VulnerabilitiesRule(), new SbomLicensesRule(), new ModelArtifactsRule(),
            new HumanApprovalRule()));

    private RuleTypes() {
    }

    private static Map<String, RuleType> index(final List<RuleType> types) {
        Map<String, RuleType> byName = new LinkedHashMap<>();
        types.forEach(type -> byName.put(type.name(), type));
        return byName;
    }

    public static Optional<RuleType> find(final String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** Every type name, in documentation order. */
    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }
}
