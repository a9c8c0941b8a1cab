package io.mlgitops.compliance;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An accepted exception to a rule: who approved it, why, and until when.
 *
 * @param policy     the policy that holds the waiver (a file path or {@code pack NAME})
 * @param rule       the id of the rule it waives
 * @param match      the finding it waives (a CVE id, a column, an import; {@code *} matches any text); empty waives
 *                   every finding of the rule
 * @param reason     why the finding is accepted
 * @param approvedBy who accepted it
 * @param expires    the last day the waiver holds (inclusive, UTC)
 */
public record Waiver(String policy, String rule, Optional<String> match, String reason, String approvedBy,
        LocalDate expires) {
    public Waiver {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(expires, "expires");
    }

    public boolean isExpired(final LocalDate today) {
        return today.isAfter(expires);
    }

    /** Whether this waiver covers a finding of its rule, comparing case-insensitively. */
    public boolean covers(final Finding finding) {
        if (match.isEmpty()) {
            return true;
        }
        String[] literals = match.get().toLowerCase(Locale.ROOT).split("\\*", -1);
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            pattern.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
        }
        return finding.key().toLowerCase(Locale.ROOT).matches(pattern.toString());
    }

    /** The waiver as it reads in a report line. */
    public String describe() {
        return String.format("rule '%s'%s approved by %s until %s: %s", rule,
                match.map(value -> " for " + value).orElse(""), approvedBy, expires, reason);
    }
}
