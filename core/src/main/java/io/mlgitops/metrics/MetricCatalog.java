package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.metrics.PrecisionRecallF.Average;
import io.mlgitops.metrics.PrecisionRecallF.Score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every metric by its canonical (MLflow evaluator) name, the default set per task, and scikit-learn scorer names as
 * aliases.
 *
 * <p>An alias resolves to the canonical metric and is reported under the canonical name with its natural sign:
 * {@code neg_log_loss} resolves to {@code log_loss} (lower is better, positive values), not to its negation.
 * {@code precision}, {@code recall}, {@code f1} resolve to {@code precision_score}, ..., which average like MLflow:
 * binary for two classes, weighted for more (scikit-learn's scorers would refuse multiclass data). The short names
 * {@code mae}, {@code mse}, {@code rmse} and {@code mape} are aliases of the regression errors.</p>
 */
public final class MetricCatalog {
    private static final Set<Task> CLASSIFICATION = EnumSet.of(Task.BINARY, Task.MULTICLASS);
    private static final Set<Task> BINARY = EnumSet.of(Task.BINARY);
    private static final Set<Task> REGRESSION = EnumSet.of(Task.REGRESSION);

    private static final Map<String, Entry> METRICS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        register(new ExampleCount(), EnumSet.allOf(Task.class));
        register(new Accuracy(), CLASSIFICATION);
        for (Score score : Score.values()) {
            register(new PrecisionRecallF(baseName(score) + "_score", score, Average.BINARY_OR_WEIGHTED,
                    ZeroDivision.WARN), CLASSIFICATION);
        }
        register(new LogLoss(), CLASSIFICATION);
        register(new RocAuc(), CLASSIFICATION);
        register(new AveragePrecision(), BINARY);
        for (BinaryCount.Cell cell : BinaryCount.Cell.values()) {
            register(new BinaryCount(cell), BINARY);
        }
        for (Score score : Score.values()) {
            for (Average average : List.of(Average.MACRO, Average.MICRO, Average.WEIGHTED)) {
                String name = baseName(score) + "_" + average.name().toLowerCase(Locale.ROOT);
                register(new PrecisionRecallF(name, score, average, ZeroDivision.WARN), CLASSIFICATION);
            }
        }
        for (RegressionError.Loss loss : RegressionError.Loss.values()) {
            register(new RegressionError(loss), REGRESSION);
        }
        register(new R2Score(), REGRESSION);
        register(new MaxError(), REGRESSION);

        alias("accuracy", "accuracy_score");
        alias("precision", "precision_score");
        alias("recall", "recall_score");
        alias("f1", "f1_score");
        alias("roc_auc_ovr_weighted", "roc_auc");
        alias("average_precision", "precision_recall_auc");
        alias("neg_log_loss", "log_loss");
        alias("neg_mean_absolute_error", "mean_absolute_error");
        alias("neg_mean_squared_error", "mean_squared_error");
        alias("neg_root_mean_squared_error", "root_mean_squared_error");
        alias("neg_mean_absolute_percentage_error", "mean_absolute_percentage_error");
        alias("neg_max_error", "max_error");
        alias("r2", "r2_score");
        alias("mae", "mean_absolute_error");
        alias("mse", "mean_squared_error");
        alias("rmse", "root_mean_squared_error");
        alias("mape", "mean_absolute_percentage_error");
    }

    private static final Map<Task, List<String>> DEFAULTS = Map.of(
            Task.BINARY, List.of("example_count", "accuracy_score", "precision_score", "recall_score", "f1_score",
                    "log_loss", "roc_auc", "precision_recall_auc", "true_positives", "false_positives",
                    "true_negatives", "false_negatives"),
            Task.MULTICLASS, List.of("example_count", "accuracy_score", "precision_score", "recall_score",
                    "f1_score", "log_loss", "roc_auc"),
            Task.REGRESSION, List.of("example_count", "mean_absolute_error", "mean_squared_error",
                    "root_mean_squared_error", "r2_score", "max_error", "mean_absolute_percentage_error"));

    private MetricCatalog() {
    }

    private static String baseName(final Score score) {
        return score.name().toLowerCase(Locale.ROOT);
    }

    private static void register(final Metric metric, final Set<Task> tasks) {
        METRICS.put(metric.name(), new Entry(metric, Collections.unmodifiableSet(EnumSet.copyOf(tasks))));
    }

    private static void alias(final String alias, final String canonicalName) {
        ALIASES.put(alias, canonicalName);
    }

    /**
     * MLflow's default evaluator metrics for a task, in MLflow's order. Includes the probability metrics
     * ({@code log_loss}, {@code roc_auc}, {@code precision_recall_auc}); see {@link #defaults(Task, boolean)}.
     */
    public static List<Metric> defaults(final Task task) {
        return DEFAULTS.get(task).stream().map(name -> METRICS.get(name).metric).collect(Collectors.toList());
    }

    /**
     * The default metrics, without those that need probabilities when the model gives none (as MLflow skips
     * {@code log_loss} and AUC for models without {@code predict_proba}).
     */
    public static List<Metric> defaults(final Task task, final boolean withProbabilities) {
        return defaults(task).stream().filter(metric -> withProbabilities || !metric.needsProbabilities())
                .collect(Collectors.toList());
    }

    /**
     * A metric by canonical name or scikit-learn scorer alias (case-insensitive).
     *
     * @throws InputException when the name is unknown or the metric does not apply to the task; the message lists
     *                        the names that do
     */
    public static Metric resolve(final String nameOrAlias, final Task task) throws InputException {
        String key = nameOrAlias.trim().toLowerCase(Locale.ROOT);
        Entry entry = METRICS.get(ALIASES.getOrDefault(key, key));
        if (entry == null) {
            throw new InputException("Unknown metric '" + nameOrAlias + "'; metrics for " + describe(task) + ": "
                    + String.join(", ", names(task)) + " (scikit-learn scorer names such as "
                    + String.join(", ", aliases(task).keySet())
                    + " are accepted too).");
        }
        if (!entry.tasks.contains(task)) {
            throw new InputException("Metric '" + entry.metric.name() + "' does not apply to " + describe(task)
                    + "; use one of: " + String.join(", ", names(task)) + ".");
        }
        return entry.metric;
    }

    /** The canonical name of a metric name or scorer alias (case-insensitive), whatever the task. */
    public static Optional<String> canonicalName(final String nameOrAlias) {
        String key = nameOrAlias.trim().toLowerCase(Locale.ROOT);
        String name = ALIASES.getOrDefault(key, key);
        return METRICS.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    /** A metric by its canonical name, whatever the task. */
    public static Optional<Metric> byName(final String canonicalName) {
        return Optional.ofNullable(METRICS.get(canonicalName)).map(entry -> entry.metric);
    }

    /** The canonical names of the metrics that apply to a task. */
    public static List<String> names(final Task task) {
        List<String> names = new ArrayList<>();
        METRICS.forEach((name, entry) -> {
            if (entry.tasks.contains(task)) {
                names.add(name);
            }
        });
        return names;
    }

    /** The scikit-learn scorer names accepted for a task, each mapped to its canonical metric name. */
    public static Map<String, String> aliases(final Task task) {
        Map<String, String> aliases = new LinkedHashMap<>();
        ALIASES.forEach((alias, name) -> {
            if (METRICS.get(name).tasks.contains(task)) {
                aliases.put(alias, name);
            }
        });
        for (String name : names(task)) {
            if (name.matches("(precision|recall|f1)_(macro|micro|weighted)")) {
                aliases.put(name, name);
            }
        }
        return aliases;
    }

    private static String describe(final Task task) {
        switch (task) {
            case BINARY:
                return "binary classification";
            case MULTICLASS:
                return "multiclass classification";
            default:
                return "regression";
        }
    }

    private record Entry(Metric metric, Set<Task> tasks) {
    }
}
