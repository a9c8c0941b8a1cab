package io.mlgitops.compliance.security;

import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.security.SpdxExpression.All;
import io.mlgitops.compliance.security.SpdxExpression.Any;
import io.mlgitops.compliance.security.SpdxExpression.UnknownLicense;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The components of an SBOM judged against the license policy. A component listed twice (same key) counts once; it
 * fails when any of its listings fails.
 */
final class LicenseTally {
    private final Set<String> keys = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> failing = new LinkedHashMap<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Set<String> unlicensed = new LinkedHashSet<>();
    private final List<Map<String, Object>> unknownLicenses = new ArrayList<>();
    private final Map<String, Integer> licenseCounts = new LinkedHashMap<>();
    private int refused;

    LicenseTally(final List<SbomComponent> components, final LicensePolicy policy, final boolean failOnMissing) {
        for (SbomComponent component : components) {
            boolean first = keys.add(component.key());
            if (component.license().isEmpty()) {
                unlicensed.add(component.key());
                if (failOnMissing) {
                    findings.putIfAbsent(component.key(), new Finding(component.key(), component.key()
                            + " declares no license."));
                }
                continue;
            }
            SpdxExpression license = component.license().get();
            if (first) {
                licenseCounts.merge(license.text(), 1, Integer::sum);
                unknownNames(license).forEach(name -> unknownLicenses.add(Map.of("component", component.key(),
                        "license", name)));
            }
            List<String> problems = policy.problems(license);
            if (!problems.isEmpty() && !failing.containsKey(component.key())) {
                refused++;
                failing.put(component.key(), facts(component, license, problems));
                findings.put(component.key(), new Finding(component.key(), String.format("%s is licensed %s: %s.",
                        component.key(), license.text(), String.join("; ", problems))));
            }
        }
    }

    private static Stream<String> unknownNames(final SpdxExpression license) {
        if (license instanceof UnknownLicense unknown) {
            return Stream.of(unknown.name());
        }
        if (license instanceof All all) {
            return all.terms().stream().flatMap(LicenseTally::unknownNames);
        }
        return license instanceof Any any ? any.terms().stream().flatMap(LicenseTally::unknownNames) : Stream.of();
    }

    private static Map<String, Object> facts(final SbomComponent component, final SpdxExpression license,
            final List<String> problems) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("component", component.key());
        if (!component.purl().isEmpty()) {
            facts.put("purl", component.purl());
        }
        facts.put("path", component.path());
        facts.put("license", license.text());
        facts.put("problems", problems);
        return facts;
    }

    int components() {
        return keys.size();
    }

    /** Components whose license the policy refuses. */
    int refused() {
        return refused;
    }

    int unlicensed() {
        return unlicensed.size();
    }

    List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    /**
     * The counts, the failing components with their licenses and why, the components without license, the license
     * names that are not SPDX ids, and how many components carry each license.
     */
    Map<String, Object> evidence() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("components", keys.size());
        evidence.put("licensed", keys.size() - unlicensed.size());
        evidence.put("unlicensed", unlicensed.size());
        evidence.put("failing", findings.size());
        evidence.put("failingComponents", List.copyOf(failing.values()));
        evidence.put("unlicensedComponents", List.copyOf(unlicensed));
        evidence.put("unknownLicenses", List.copyOf(unknownLicenses));
        Map<String, Object> byLicense = new LinkedHashMap<>();
        licenseCounts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(entry -> byLicense.put(entry.getKey(),
                entry.getValue()));
        evidence.put("licenses", byLicense);
        return evidence;
    }
}
