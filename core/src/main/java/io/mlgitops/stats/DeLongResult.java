package io.mlgitops.stats;

/**
 * DeLong's test of two correlated ROC AUCs on the same rows; the difference is {@code candidate - champion}.
 *
 * @param aucCandidate         the candidate's AUC (equal to scikit-learn's {@code roc_auc_score})
 * @param aucChampion          the champion's AUC
 * @param varianceCandidate    DeLong variance of the candidate's AUC
 * @param varianceChampion     DeLong variance of the champion's AUC
 * @param covariance           covariance of the two AUCs
 * @param varianceOfDifference {@code varianceCandidate + varianceChampion - 2 covariance}
 * @param z                    {@code difference / sqrt(varianceOfDifference)}; 0 when both are 0
 * @param pValue               two-sided p-value {@code 2 (1 - Phi(|z|))}
 * @param low                  lower bound of the confidence interval of the difference
 * @param high                 upper bound
 * @param level                confidence level of the interval
 */
public record DeLongResult(double aucCandidate, double aucChampion, double varianceCandidate,
        double varianceChampion, double covariance, double varianceOfDifference, double z, double pValue,
        double low, double high, double level) {
    /** {@code aucCandidate - aucChampion}. */
    public double difference() {
        return aucCandidate - aucChampion;
    }
}
