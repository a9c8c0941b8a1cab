package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.metrics.Direction;
import io.mlgitops.metrics.Metric;
import io.mlgitops.metrics.MetricCatalog;
import io.mlgitops.metrics.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which metrics a run computes (the task's default set, the {@code --metric} extras and every gated metric, each
 * once under its canonical name) and which gates it applies (the user's, or the task's default gate).
 */
final class MetricPlan {
    private static final double DEFAULT_MIN_CHANGE = 0.01;

    private final Map<String, Metric> metrics;
    private final Map<String, Boolean> explicit;
    private final List<Gate> gates;
    private final GateMode gateMode;

    private MetricPlan(final Map<String, Metric> metrics, final Map<String, Boolean> explicit, final List<Gate> gates,
            final GateMode gateMode) {
        this.metrics = metrics;
        this.explicit = explicit;
        this.gates = gates;
        this.gateMode = gateMode;
    }

    static MetricPlan of(final Task task, final List<String> extraMetrics, final List<Gate> userGates,
            final GateMode userMode) throws InvalidSettingsException {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, Boolean> explicit = new LinkedHashMap<>();
        for (Metric metric : MetricCatalog.defaults(task)) {
            metrics.put(metric.name(), metric);
            explicit.put(metric.name(), false);
        }
        for (String name : extraMetrics) {
            Metric metric = resolve(name, task);
            metrics.putIfAbsent(metric.name(), metric);
            explicit.put(metric.name(), true);
        }
        List<Gate> gates = userGates.isEmpty() ? defaultGates(task) : userGates;
        List<Gate> resolved = new ArrayList<>();
        for (Gate gate : gates) {
            Metric metric = resolve(gate.metric(), task);
            metrics.putIfAbsent(metric.name(), metric);
            explicit.put(metric.name(), true);
            resolved.add(gate.resolved(metric.name(), direction(gate, metric)));
        }
        GateMode mode = userGates.isEmpty() ? GateMode.ANY : userMode;
        return new MetricPlan(metrics, explicit, resolved, mode);
    }

    /**
     * Checks that every metric name is known for the task (or, when the task is not known yet, for some task), so
     * that a typo is reported before any model runs.
     */
    static void validateNames(final Task task, final List<String> extraMetrics, final List<Gate> gates)
            throws InvalidSettingsException {
        List<String> names = new ArrayList<>(extraMetrics);
        gates.forEach(gate -> names.add(gate.metric()));
        List<Task> tasks = task == null ? List.of(Task.values()) : List.of(task);
        for (String name : names) {
            if (tasks.stream().noneMatch(candidate -> isKnown(name, candidate))) {
                if (task != null) {
                    resolve(name, task);
                }
                throw new InvalidSettingsException(String.format("Unknown metric '%s'. Classification metrics: %s. "
                        + "Regression metrics: %s. scikit-learn scorer names (accuracy, f1_weighted, neg_log_loss, "
                        + "r2, ...) are accepted too.", name, MetricCatalog.names(Task.BINARY),
                        MetricCatalog.names(Task.REGRESSION)));
            }
        }
    }

    private static boolean isKnown(final String name, final Task task) {
        try {
            MetricCatalog.resolve(name, task);
            return true;
        }
        catch (InputException unknown) {
            return false;
        }
    }

    /**
     * The seed's business rule: the candidate passes when accuracy or weighted F1 improves by at least 0.01. For
     * regression, the analogue: RMSE falls by at least 1 % or R² rises by at least 0.01.
     */
    static List<Gate> defaultGates(final Task task) {
        if (task == Task.REGRESSION) {
            return List.of(new Gate("root_mean_squared_error", null, null, DEFAULT_MIN_CHANGE, false, false),
                    Gate.minAbsoluteChange("r2_score", DEFAULT_MIN_CHANGE));
        }
        return List.of(Gate.minAbsoluteChange("accuracy_score", DEFAULT_MIN_CHANGE),
                Gate.minAbsoluteChange("f1_weighted", DEFAULT_MIN_CHANGE));
    }

    private static Metric resolve(final String name, final Task task) throws InvalidSettingsException {
        try {
            return MetricCatalog.resolve(name, task);
        }
        catch (InputException unknown) {
            throw new InvalidSettingsException(unknown.getMessage(), unknown);
        }
    }

    private static boolean direction(final Gate gate, final Metric metric) throws InvalidSettingsException {
        if (gate.greaterIsBetter() != null) {
            return gate.greaterIsBetter();
        }
        if (metric.direction() == Direction.NONE) {
            throw new InvalidSettingsException("Gate on " + metric.name()
                    + " needs greaterIsBetter=true or false: the metric "
                    + "has no natural direction.");
        }
        return metric.direction() == Direction.HIGHER_IS_BETTER;
    }

    List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    /** Whether the user asked for the metric (by --metric or a gate), so that failing to compute it is an error. */
    boolean isExplicit(final Metric metric) {
        return explicit.getOrDefault(metric.name(), false);
    }

    List<Gate> gates() {
        return gates;
    }

    GateMode gateMode() {
        return gateMode;
    }
}
