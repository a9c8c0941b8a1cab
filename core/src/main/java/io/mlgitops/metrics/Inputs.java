package io.mlgitops.metrics;

import io.mlgitops.api.errors.InputException;

/** The checks a metric makes in {@link Metric#prepare}, with messages that say what is wrong and what to do. */
final class Inputs {
    private Inputs() {
    }

    static void requireClassification(final Metric metric, final EvaluationData data) throws InputException {
        if (!data.task().isClassification()) {
            throw new InputException("Metric '" + metric.name() + "' applies to classification, but the task is "
                    + "regression; choose a regression metric (" + MetricCatalog.names(Task.REGRESSION)
                    + ") or a classification target.");
        }
    }

    static void requireRegression(final Metric metric, final EvaluationData data) throws InputException {
        if (data.task().isClassification()) {
            throw new InputException("Metric '" + metric.name() + "' applies to regression, but the task is "
                    + describe(data) + "; choose a classification metric (" + MetricCatalog.names(data.task())
                    + ") or a numeric target with task regression.");
        }
        requireFinite(metric, data.yTrueValues(), "target");
        requireFinite(metric, data.yPredValues(), "prediction");
    }

    static void requireBinary(final Metric metric, final EvaluationData data) throws InputException {
        requireClassification(metric, data);
        if (data.task() != Task.BINARY) {
            throw new InputException("Metric '" + metric.name() + "' is defined for binary classification only, "
                    + "but the task is " + describe(data) + "; use one of " + MetricCatalog.names(Task.MULTICLASS)
                    + ".");
        }
    }

    /** The per-class probabilities, finite, optionally within [0, 1]. */
    static double[][] probabilities(final Metric metric, final EvaluationData data, final boolean unitInterval)
            throws InputException {
        if (!data.hasProbabilities()) {
            throw new InputException("Metric '" + metric.name() + "' needs predicted probabilities, but the model "
                    + "gave none; use a model that outputs class probabilities (predict_proba, an ONNX probability "
                    + "output) or a predictions file with a 'probability' or 'probability_<class>' column.");
        }
        double[][] probabilities = data.probabilities();
        for (int classIndex = 0; classIndex < probabilities.length; classIndex++) {
            double[] column = probabilities[classIndex];
            for (int row = 0; row < column.length; row++) {
                double value = column[row];
                if (!Double.isFinite(value) || unitInterval && (value < 0.0 || value > 1.0)) {
                    throw new InputException("Metric '" + metric.name() + "': the probability of class '"
                            + data.labels().get(classIndex) + "' in data row " + (row + 1) + " is " + value
                            + "; probabilities must be numbers between 0 and 1.");
                }
            }
        }
        return probabilities;
    }

    /** AUC is undefined unless the target holds at least two classes. */
    static void requireTwoTargetClasses(final Metric metric, final EvaluationData data) throws InputException {
        int[] yTrue = data.yTrue();
        for (int row = 1; row < yTrue.length; row++) {
            if (yTrue[row] != yTrue[0]) {
                return;
            }
        }
        String only = yTrue.length == 0 ? "no rows at all" : "only one class ('" + data.labels().get(yTrue[0]) + "')";
        throw new InputException("Metric '" + metric.name() + "' is undefined: the target has " + only
                + "; AUC needs rows of both the positive and the negative class. Evaluate on data that contains "
                + "at least two classes, or drop this metric.");
    }

    private static void requireFinite(final Metric metric, final double[] values, final String what)
            throws InputException {
        for (int row = 0; row < values.length; row++) {
            if (!Double.isFinite(values[row])) {
                throw new InputException("Metric '" + metric.name() + "': the " + what + " in data row " + (row + 1)
                        + " is " + values[row] + "; regression metrics need finite numbers.");
            }
        }
    }

    private static String describe(final EvaluationData data) {
        return data.task() == Task.BINARY ? "binary classification"
                : "multiclass classification with " + data.labels().size() + " classes " + data.labels();
    }
}
