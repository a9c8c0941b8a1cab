package io.mlgitops.compliance.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vulnerabilities of all reports, one per (id, package, installed version): a package found in several targets,
 * or by two scanners, counts once, with the higher score of the two and every target it was found in.
 */
final class DistinctVulnerabilities {
    private final Map<List<String>, ReportedVulnerability> worst = new LinkedHashMap<>();
    private final Map<List<String>, Set<String>> targets = new LinkedHashMap<>();

    void add(final ReportedVulnerability vulnerability) {
        List<String> key = List.of(vulnerability.id(), vulnerability.packageName(), vulnerability.installed());
        worst.merge(key, vulnerability, (known, found) -> found.rank() > known.rank() ? found : known);
        if (!vulnerability.target().isEmpty()) {
            targets.computeIfAbsent(key, unused -> new LinkedHashSet<>()).add(vulnerability.target());
        }
    }

    /** Each distinct vulnerability, in the order first found, its target naming every place it was found. */
    List<ReportedVulnerability> all() {
        List<ReportedVulnerability> all = new ArrayList<>(worst.size());
        worst.forEach((key, vulnerability) -> {
            Set<String> places = targets.getOrDefault(key, Set.of());
            all.add(new ReportedVulnerability(vulnerability.id(), vulnerability.packageName(),
                    vulnerability.installed(), vulnerability.fixed(), vulnerability.severity(), vulnerability.score(),
                    String.join("; ", places)));
        });
        return all;
    }
}
