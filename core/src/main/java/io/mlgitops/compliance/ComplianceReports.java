package io.mlgitops.compliance;

import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wraps compliance results in the report envelope (DESIGN §5). */
public final class ComplianceReports {
    public static final String KIND = "compliance";

    private ComplianceReports() {
    }

    /**
     * @param subject what was judged (model reference, model type, region)
     * @param inputs  every input with its digest
     */
    public static Report<ComplianceResults> report(final ComplianceResults results, final Map<String, Object> subject,
            final Map<String, Object> inputs, final Instant started, final Instant finished) {
        List<Message> messages = new ArrayList<>();
        for (RuleResult rule : results.rules()) {
            if (rule.status() == RuleStatus.FAILED || rule.status() == RuleStatus.ERROR) {
                messages.add(Message.error(rule.status() + " " + rule.id() + ": " + rule.message()));
            }
        }
        results.waivers().expired().forEach(waiver -> messages.add(Message.warning(String.format(
                "Waiver of rule '%s'%s expired on %s and was not applied.", waiver.rule(),
                waiver.match() == null ? "" : " for " + waiver.match(), waiver.expires()))));
        results.waivers().orphaned().forEach(waiver -> messages.add(Message.warning(String.format(
                "A waiver in %s names the rule '%s', which no policy of this run defines; it covers nothing.",
                waiver.policy(), waiver.rule()))));
        results.policies().stream().filter(policy -> !policy.applied()).forEach(policy -> messages.add(
                Message.info("Policy " + policy.name() + " does not apply: " + policy.exclusion() + ".")));
        Status status = results.passed() ? Status.PASSED : Status.FAILED;
        return new Report<>(Report.SCHEMA_VERSION, KIND, status, started.toString(), finished.toString(), subject,
                inputs, results, messages, "");
    }
}
