package io.mlgitops.compliance.drift;

import io.mlgitops.compliance.Finding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The drift of one column.
 *
 * @param sample    the column's values
 * @param method    the method used (never {@link DriftMethod#AUTO})
 * @param score     the p-value of a test, or the distance
 * @param threshold the bound the score was compared with
 * @param drifted   whether the column drifted
 */
record ColumnDrift(ColumnSample sample, DriftMethod method, double score, double threshold, boolean drifted) {
    static ColumnDrift measure(final ColumnSample sample, final DriftMethod method, final double threshold) {
        double score = method.score(sample);
        return new ColumnDrift(sample, method, score, threshold, method.drifted(score, threshold));
    }

    Map<String, Object> evidence() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("method", method.policyName());
        evidence.put("type", sample.isCategorical() ? "categorical" : "numerical");
        evidence.put("statistic", score);
        evidence.put("threshold", threshold);
        evidence.put("drifted", drifted);
        evidence.put("nRef", sample.referenceSize());
        evidence.put("nCur", sample.currentSize());
        evidence.put("missing", Map.of("reference", sample.referenceMissing(), "current", sample.currentMissing()));
        return evidence;
    }

    Finding finding() {
        return new Finding(sample.name(), String.format(Locale.ROOT, "Column '%s' drifted: %s %s %.4g %s %.4g "
                + "(%d reference and %d current values).", sample.name(), method.policyName(),
                method.isTest() ? "p-value" : "distance", score, method.driftComparison(), threshold,
                sample.referenceSize(), sample.currentSize()));
    }
}
