package io.mlgitops.compliance.security;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scanner report held.
 *
 * @param file           the report file
 * @param scanner        {@code trivy} or {@code grype}
 * @param scannerVersion the scanner's version as the report gives it, empty when it does not
 * @param artifact       what was scanned, empty when the report does not say
 * @param bySeverity     the number of findings the report lists, by severity
 */
record ScanReportSummary(Path file, String scanner, String scannerVersion, String artifact,
        Map<Severity, Integer> bySeverity) {
    ScanReportSummary {
        bySeverity = new EnumMap<>(bySeverity);
    }

    int findings() {
        return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The summary as rule evidence: file, scanner, scannerVersion, artifact, findings, bySeverity. */
    Map<String, Object> evidence() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("file", file.toString());
        evidence.put("scanner", scanner);
        if (!scannerVersion.isEmpty()) {
            evidence.put("scannerVersion", scannerVersion);
        }
        evidence.put("artifact", artifact);
        evidence.put("findings", findings());
        Map<String, Object> counts = new LinkedHashMap<>();
        Severity[] severities = Severity.values();
        for (int i = severities.length - 1; i >= 0; i--) {
            Severity severity = severities[i];
            if (bySeverity.containsKey(severity)) {
                counts.put(severity.name(), bySeverity.get(severity));
            }
        }
        evidence.put("bySeverity", counts);
        return evidence;
    }
}
