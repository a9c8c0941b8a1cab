package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.metrics.Direction;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.PreparedMetric;
import io.mlgitops.metrics.Task;
import io.mlgitops.report.ReportLog;
import io.mlgitops.stats.BootstrapResult;
import io.mlgitops.stats.DeLong;
import io.mlgitops.stats.DeLongResult;
import io.mlgitops.stats.Holm;
import io.mlgitops.stats.McNemar;
import io.mlgitops.stats.McNemarTable;
import io.mlgitops.stats.MetricPair;
import io.mlgitops.stats.PairedBootstrap;
import io.mlgitops.stats.Resampling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes every planned metric for both models and, for the metrics that have a direction, the paired statistics
 * of their difference: a bootstrap interval (resampling within each class for the ranking metrics, so that no
 * resample lacks a class), a p-value from the chosen test, and Holm's correction across the metrics.
 */
final class MetricComparator {
    static final String ACCURACY = "accuracy_score";
    static final String ROC_AUC = "roc_auc";
    /** Ranking metrics are undefined on a resample without both classes, so they are resampled per class. */
    private static final Set<String> STRATIFIED = Set.of(ROC_AUC, "precision_recall_auc");

    private final BenchmarkSettings settings;
    private final MetricPlan plan;
    private final ReportLog log;

    MetricComparator(final BenchmarkSettings settings, final MetricPlan plan, final ReportLog log) {
        this.settings = settings;
        this.plan = plan;
        this.log = log;
    }

    /**
     * @param candidateMetrics the candidate's prepared metrics, in report order
     * @param championMetrics  the champion's, by name; {@code null} without a champion
     */
    List<MetricComparison> compare(final EvaluationData candidateData, final Optional<EvaluationData> championData,
            final Map<String, PreparedMetric> candidateMetrics, final Map<String, PreparedMetric> championMetrics)
            throws InputException {
        List<String> compared = comparedMetrics(candidateMetrics.keySet(), championMetrics != null);
        Map<String, Evidence> evidence = new HashMap<>();
        if (!compared.isEmpty()) {
            bootstrap(compared, candidateData, candidateMetrics, championMetrics, evidence);
            specialisedTests(candidateData, championData.orElseThrow(), evidence);
            adjust(compared, evidence);
        }
        List<MetricComparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, PreparedMetric> entry : candidateMetrics.entrySet()) {
            String name = entry.getKey();
            Double candidate = SliceEvaluator.finite(entry.getValue().value());
            Double champion = championMetrics == null ? null : SliceEvaluator.finite(championMetrics.get(name).value());
            comparisons.add(comparison(name, champion, candidate, evidence.get(name)));
        }
        return comparisons;
    }

    private List<String> comparedMetrics(final Set<String> names, final boolean withChampion) {
        List<String> compared = new ArrayList<>();
        if (!withChampion || settings.test() == SignificanceMethod.NONE) {
            return compared;
        }
        for (Metric metric : plan.metrics()) {
            if (names.contains(metric.name()) && metric.direction() != Direction.NONE) {
                compared.add(metric.name());
            }
        }
        return compared;
    }

    private void bootstrap(final List<String> compared, final EvaluationData candidateData,
            final Map<String, PreparedMetric> candidateMetrics, final Map<String, PreparedMetric> championMetrics,
            final Map<String, Evidence> evidence) {
        PairedBootstrap bootstrap = new PairedBootstrap(settings.resamples(), settings.confidence(), settings.seed());
        boolean classification = candidateData.task().isClassification();
        List<String> plain = new ArrayList<>();
        List<String> stratified = new ArrayList<>();
        for (String name : compared) {
            (classification && STRATIFIED.contains(name) ? stratified : plain).add(name);
        }
        run(bootstrap, plain, Resampling.rows(candidateData.size()), candidateMetrics, championMetrics, evidence);
        if (!stratified.isEmpty()) {
            run(bootstrap, stratified, Resampling.stratified(candidateData.yTrue()), candidateMetrics,
                    championMetrics, evidence);
        }
    }

    private void run(final PairedBootstrap bootstrap, final List<String> names, final Resampling resampling,
            final Map<String, PreparedMetric> candidateMetrics, final Map<String, PreparedMetric> championMetrics,
            final Map<String, Evidence> evidence) {
        if (names.isEmpty()) {
            return;
        }
        List<MetricPair> pairs = new ArrayList<>();
        for (String name : names) {
            pairs.add(new MetricPair(candidateMetrics.get(name), championMetrics.get(name)));
        }
        List<BootstrapResult> results = bootstrap.compare(pairs, resampling);
        for (int i = 0; i < names.size(); i++) {
            BootstrapResult result = results.get(i);
            String name = names.get(i);
            if (result.excluded() > 0) {
                log.info(String.format(Locale.ROOT, "%s: %d of %d bootstrap resamples were undefined and left out.",
                        name, result.excluded(), result.resamples()));
            }
            ConfidenceInterval ci = Double.isNaN(result.low()) || Double.isNaN(result.high()) ? null
                    : new ConfidenceInterval(result.low(), result.high(), result.level());
            evidence.put(name, new Evidence(ci, nanToNull(result.pValue()), SignificanceMethod.BOOTSTRAP.id()));
        }
    }

    private void specialisedTests(final EvaluationData candidateData, final EvaluationData championData,
            final Map<String, Evidence> evidence) throws InputException {
        if (settings.test() == SignificanceMethod.MCNEMAR && evidence.containsKey(ACCURACY)) {
            double p = McNemar.exact(McNemarTable.of(championData, candidateData)).pValue();
            evidence.put(ACCURACY, new Evidence(evidence.get(ACCURACY).ci(), p, SignificanceMethod.MCNEMAR.id()));
        }
        if (settings.test() == SignificanceMethod.DELONG && evidence.containsKey(ROC_AUC)
                && candidateData.task() == Task.BINARY) {
            DeLongResult delong = DeLong.compare(candidateData, championData, settings.confidence());
            evidence.put(ROC_AUC, new Evidence(new ConfidenceInterval(delong.low(), delong.high(), delong.level()),
                    nanToNull(delong.pValue()), SignificanceMethod.DELONG.id()));
        }
    }

    private void adjust(final List<String> compared, final Map<String, Evidence> evidence) {
        List<String> tested = compared.stream().filter(name -> evidence.get(name).pValue() != null).toList();
        double[] pValues = tested.stream().mapToDouble(name -> evidence.get(name).pValue()).toArray();
        double[] adjusted = Holm.adjust(pValues);
        for (int i = 0; i < tested.size(); i++) {
            evidence.put(tested.get(i), evidence.get(tested.get(i)).withAdjusted(adjusted[i]));
        }
    }

    private MetricComparison comparison(final String name, final Double champion, final Double candidate,
            final Evidence evidence) {
        Metric metric = plan.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        Double delta = champion == null || candidate == null ? null : candidate - champion;
        Double relative = delta == null || champion == 0 ? null : delta / Math.abs(champion);
        String direction = metric.direction().name().toLowerCase(Locale.ROOT);
        if (evidence == null) {
            return new MetricComparison(name, direction, champion, candidate, delta, relative, null, null, null, null,
                    null);
        }
        Boolean significant = evidence.adjusted() == null ? null : evidence.adjusted() < 1 - settings.confidence();
        return new MetricComparison(name, direction, champion, candidate, delta, relative, evidence.ci(),
                evidence.pValue(), evidence.adjusted(), evidence.test(), significant);
    }

    private static Double nanToNull(final double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** The statistics gathered for one metric. */
    private record Evidence(ConfidenceInterval ci, Double pValue, String test, Double adjusted) {
        Evidence(final ConfidenceInterval ci, final Double pValue, final String test) {
            this(ci, pValue, test, null);
        }

        Evidence withAdjusted(final double value) {
            return new Evidence(ci, pValue, test, value);
        }
    }
}
