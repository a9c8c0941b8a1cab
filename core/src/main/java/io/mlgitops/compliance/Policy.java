package io.mlgitops.compliance;

import java.util.List;
import java.util.Objects;

/**
 * A compliance policy: rules, waivers and where it applies, read from a file or a built-in pack.
 *
 * @param name      {@code metadata.name}
 * @param source    where it was read: a file path or {@code pack NAME}
 * @param sha256    SHA-256 of the policy's bytes, so a report says which policy judged the model
 * @param appliesTo the regions and model types it covers
 * @param rules     the rules in file order
 * @param waivers   the waivers in file order
 */
public record Policy(String name, String source, String sha256, AppliesTo appliesTo, List<PolicyRule> rules,
        List<Waiver> waivers) {
    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(appliesTo, "appliesTo");
        rules = List.copyOf(rules);
        waivers = List.copyOf(waivers);
    }
}
