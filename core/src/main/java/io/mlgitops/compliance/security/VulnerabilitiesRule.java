package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vulnerabilities}: the container or dependency scans (Trivy or Grype JSON) hold no vulnerability above the
 * bound, e.g. {@code {type: vulnerabilities, maxCvss: 7.0, ignoreUnfixed: false}}. Each vulnerable package is one
 * finding, keyed by the vulnerability id, so one waiver covers a CVE in every package it affects.
 */
public final class VulnerabilitiesRule implements RuleType {
    @Override
    public String name() {
        return "vulnerabilities";
    }

    @Override
    public Set<String> fields() {
        return Set.of(VulnerabilityBound.MAX_CVSS, VulnerabilityBound.SEVERITY, VulnerabilityBound.IGNORE_UNFIXED);
    }

    @Override
    public void validate(final RuleFields rule) throws InputException {
        VulnerabilityBound.of(rule);
    }

    @Override
    public RuleCheck check(final RuleFields rule, final Evidence evidence) throws MlGitOpsException {
        List<Path> files = evidence.securityReports();
        if (files.isEmpty()) {
            return RuleCheck.notApplicable("No vulnerability report (Trivy or Grype JSON) was given.");
        }
        VulnerabilityBound bound = VulnerabilityBound.of(rule);
        DistinctVulnerabilities distinct = new DistinctVulnerabilities();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(ScanReportReader.read(file, distinct::add).evidence());
        }
        VulnerabilityTally tally = new VulnerabilityTally(distinct.all(), bound);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reports", reports);
        facts.putAll(tally.evidence());
        String scanned = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " reports";
        String skipped = tally.skipped() == 0 ? "" : String.format("; %d without a fix were skipped",
                tally.skipped());
        return RuleCheck.of(tally.findings(),
                String.format("None of the %d vulnerabilities in %s has %s%s.", tally.total(), scanned,
                        bound.describe(), skipped),
                String.format("%d of the %d vulnerabilities in %s have %s%s.", tally.failing(), tally.total(),
                        scanned, bound.describe(), skipped),
                facts);
    }
}
