package io.mlgitops.compliance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a policy applies: to some regions and model types. An empty list means any. A run that does not say its region
 * (or model type) is judged by every policy, because leaving a rule out must be a decision, not an omission.
 *
 * @param regions    regions the policy covers, e.g. {@code eu}
 * @param modelTypes model types the policy covers, e.g. {@code credit-scoring}
 */
public record AppliesTo(List<String> regions, List<String> modelTypes) {
    public static final AppliesTo ALWAYS = new AppliesTo(List.of(), List.of());

    public AppliesTo {
        regions = List.copyOf(regions);
        modelTypes = List.copyOf(modelTypes);
    }

    /** Why the policy does not apply to a run in this region with this model type; empty when it applies. */
    public Optional<String> exclusion(final Optional<String> region, final Optional<String> modelType) {
        if (region.isPresent() && !contains(regions, region.get())) {
            return Optional.of("the policy covers regions " + regions + ", not '" + region.get() + "'");
        }
        if (modelType.isPresent() && !contains(modelTypes, modelType.get())) {
            return Optional.of("the policy covers model types " + modelTypes + ", not '" + modelType.get() + "'");
        }
        return Optional.empty();
    }

    private static boolean contains(final List<String> allowed, final String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return allowed.isEmpty() || allowed.stream().anyMatch(item -> item.trim().toLowerCase(Locale.ROOT)
                .equals(wanted));
    }
}
