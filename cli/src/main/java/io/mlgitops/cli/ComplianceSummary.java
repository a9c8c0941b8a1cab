package io.mlgitops.cli;

import io.mlgitops.compliance.ComplianceResults;
import io.mlgitops.compliance.RuleResult;
import io.mlgitops.compliance.RuleStatus;
import io.mlgitops.report.Report;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The human summary of a compliance report: one line per rule, its open findings, waivers and the verdict. */
final class ComplianceSummary {
    private static final int SHOWN_FINDINGS = 10;

    private final Report<ComplianceResults> report;

    ComplianceSummary(final Report<ComplianceResults> report) {
        this.report = report;
    }

    void print(final PrintWriter out) {
        ComplianceResults results = report.results();
        for (ComplianceResults.PolicyUse policy : results.policies()) {
            out.printf("Policy %s (%s, sha256 %s...)%s%n", policy.name(), policy.source(),
                    policy.sha256().substring(0, 12), policy.applied() ? "" : ": not applied, " + policy.exclusion());
        }
        out.println();
        for (RuleResult rule : results.rules()) {
            out.printf("%-14s %-28s %-16s %s%n", rule.status(), rule.id(), rule.type(), rule.message());
            rule.findings().stream().limit(SHOWN_FINDINGS)
                    .forEach(finding -> out.println("               - " + finding.message()));
            if (rule.findings().size() > SHOWN_FINDINGS) {
                out.printf("               ... and %d more (see the report)%n",
                        rule.findings().size() - SHOWN_FINDINGS);
            }
            rule.waived().forEach(waived -> out.printf("               ~ waived %s: %s (%s, until %s)%n",
                    waived.key(), waived.reason(), waived.approvedBy(), waived.expires()));
        }
        results.waivers().expired().forEach(waiver -> out.printf("Expired waiver, not applied: rule %s%s, expired "
                + "%s%n", waiver.rule(), waiver.match() == null ? "" : " " + waiver.match(), waiver.expires()));
        out.println();
        out.println("Rules: " + counts(results.summary()));
        out.println("Result: " + report.status());
    }

    private static String counts(final Map<RuleStatus, Integer> summary) {
        return summary.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }
}
