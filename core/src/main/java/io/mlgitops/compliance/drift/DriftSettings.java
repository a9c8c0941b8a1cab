package io.mlgitops.compliance.drift;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;

import java.util.List;
import java.util.Set;

/**
 * The fields of a {@code drift} rule, validated.
 *
 * @param method        the method for every column ({@link DriftMethod#AUTO}: Evidently's choice per column)
 * @param columns       the columns to compare; empty: every shared column except the target and the sensitive ones
 * @param maxDistance   a column drifts when its psi, jensenshannon or wasserstein distance is at least this
 * @param minPValue     the significance level of the ks, chisquare and z tests
 * @param driftShare    the data set drifts when at least this share of the columns drifts
 * @param failOnColumn  whether one drifted column fails the rule (else only a drifted data set does)
 */
record DriftSettings(DriftMethod method, List<String> columns, double maxDistance, double minPValue,
        double driftShare, boolean failOnColumn) {
    static final String METHOD = "method";
    static final String COLUMNS = "columns";
    static final String MAX = "max";
    static final String MIN_P_VALUE = "minPValue";
    static final String DRIFT_SHARE = "driftShare";
    static final String FAIL_ON = "failOn";
    static final Set<String> FIELDS = Set.of(METHOD, COLUMNS, MAX, MIN_P_VALUE, DRIFT_SHARE, FAIL_ON);

    private static final double DEFAULT_MAX = 0.1;
    private static final double DEFAULT_MIN_P_VALUE = 0.05;
    private static final double DEFAULT_DRIFT_SHARE = 0.5;
    private static final String FAIL_ON_DATASET = "dataset";
    private static final String FAIL_ON_COLUMN = "column";

    static DriftSettings read(final RuleFields rule) throws InputException {
        DriftMethod method = DriftMethod.named(rule.choice(METHOD, DriftMethod.AUTO.policyName(),
                DriftMethod.policyNames()));
        List<String> columns = rule.strings(COLUMNS);
        if (rule.has(COLUMNS) && columns.isEmpty()) {
            throw rule.invalid(COLUMNS, "needs at least one column (leave the field out to compare every shared "
                    + "column except the target and the sensitive ones)");
        }
        if (Set.copyOf(columns).size() != columns.size()) {
            throw rule.invalid(COLUMNS, "names a column twice: " + columns);
        }
        double max = rule.optionalNumber(MAX).orElse(DEFAULT_MAX);
        if (max <= 0) {
            throw rule.invalid(MAX, "must be a distance above 0, got " + max);
        }
        double minPValue = rule.optionalNumber(MIN_P_VALUE).orElse(DEFAULT_MIN_P_VALUE);
        if (minPValue <= 0 || minPValue >= 1) {
            throw rule.invalid(MIN_P_VALUE, "must be a significance level between 0 and 1 (exclusive), got "
                    + minPValue);
        }
        double driftShare = rule.optionalNumber(DRIFT_SHARE).orElse(DEFAULT_DRIFT_SHARE);
        if (driftShare <= 0 || driftShare > 1) {
            throw rule.invalid(DRIFT_SHARE, "must be a share above 0 and at most 1, got " + driftShare);
        }
        boolean failOnColumn = FAIL_ON_COLUMN.equals(rule.choice(FAIL_ON, FAIL_ON_DATASET,
                List.of(FAIL_ON_DATASET, FAIL_ON_COLUMN)));
        return new DriftSettings(method, columns, max, minPValue, driftShare, failOnColumn);
    }

    /** The bound a column's score is compared with. */
    double threshold(final DriftMethod columnMethod) {
        return columnMethod.isTest() ? minPValue : maxDistance;
    }
}
