package io.mlgitops.benchmark;

import java.util.Locale;

/**
 * The paired test behind each metric's p-value. Confidence intervals come from the paired bootstrap for every
 * metric (DeLong's own interval for {@code roc_auc} under {@link #DELONG}).
 */
public enum SignificanceMethod {
    /** Paired bootstrap for every metric. */
    BOOTSTRAP,
    /** McNemar's exact test for {@code accuracy_score}; paired bootstrap for the other metrics. */
    MCNEMAR,
    /** DeLong's test for binary {@code roc_auc}; paired bootstrap for the other metrics. */
    DELONG,
    /** No statistics: point estimates only. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
