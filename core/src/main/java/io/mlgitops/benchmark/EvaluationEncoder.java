package io.mlgitops.benchmark;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.metrics.ClassLabels;
import io.mlgitops.metrics.EvaluationData;
import io.mlgitops.metrics.Task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the target column and the models' outputs into {@link EvaluationData}: decides the task, builds each model's
 * label space as scikit-learn would ({@code unique_labels(y_true, y_pred)} plus the model's probability classes),
 * picks the positive label, and aligns probabilities with the labels.
 */
final class EvaluationEncoder {
    /** Integer targets with at most this many distinct values are taken as classes when the task is not given. */
    private static final int MAX_INFERRED_CLASSES = 20;

    private final Column target;
    private final String dataset;

    EvaluationEncoder(final Column target, final String dataset) {
        this.target = target;
        this.dataset = dataset;
    }

    /** The task: as requested, or inferred from the target and the candidate's output. */
    Task task(final Task requested, final ModelOutput candidate, final Optional<ModelOutput> champion) {
        if (requested != null) {
            return requested;
        }
        boolean classification = isClassification(candidate);
        if (!classification) {
            return Task.REGRESSION;
        }
        Set<String> labels = new LinkedHashSet<>(LabelCodes.of(target).distinct());
        labels.addAll(labelsOf(candidate));
        champion.ifPresent(output -> labels.addAll(labelsOf(output)));
        labels.remove(null);
        return labels.size() <= 2 ? Task.BINARY : Task.MULTICLASS;
    }

    private boolean isClassification(final ModelOutput candidate) {
        if (!(target instanceof NumericColumn numericTarget)) {
            return true;
        }
        if (!numericTarget.isIntegral()) {
            return false;
        }
        if (candidate.probabilities().isPresent()) {
            return true;
        }
        boolean integralPredictions = !(candidate.predictions() instanceof NumericColumn numericPredictions)
                || numericPredictions.isIntegral();
        return integralPredictions && LabelCodes.of(target).distinct().size() <= MAX_INFERRED_CLASSES;
    }

    private static Collection<String> labelsOf(final ModelOutput output) {
        List<String> labels = new ArrayList<>(LabelCodes.of(output.predictions()).distinct());
        output.probabilities().filter(ProbabilityTable::isPerClass).ifPresent(table ->
                labels.addAll(table.classLabels()));
        return labels;
    }

    /**
     * The positive label of a binary task: the requested one, or the greatest label (MLflow's default).
     *
     * @throws InputException when the requested label is not among the labels
     */
    String positiveLabel(final String requested, final List<ModelOutput> outputs) throws InputException {
        Set<String> all = new LinkedHashSet<>(LabelCodes.of(target).distinct());
        for (ModelOutput output : outputs) {
            all.addAll(labelsOf(output));
        }
        ClassLabels labels = ClassLabels.sorted(all);
        if (requested == null) {
            return labels.get(labels.size() - 1);
        }
        String canonical = labels.isNumeric() ? canonicalNumber(requested) : requested;
        if (labels.indexOf(canonical) < 0) {
            throw new InputException(String.format("Positive label '%s' does not occur in column '%s' of %s or in "
                    + "the predictions. Labels: %s. Pass one of them with --positive-label.",
                    requested, target.name(), dataset, labels.asList()));
        }
        return canonical;
    }

    private static String canonicalNumber(final String requested) {
        try {
            return ClassLabels.canonical(Double.parseDouble(requested));
        }
        catch (NumberFormatException notANumber) {
            return requested;
        }
    }

    /** One model's classification data. */
    EvaluationData classification(final Task task, final ModelOutput output, final String positiveLabel,
            final String model) throws InputException {
        LabelCodes truth = LabelCodes.of(target);
        requireComplete(truth, "column '" + target.name() + "' of " + dataset + " has no label",
                "every evaluation row needs a label: remove the row or fill the value");
        LabelCodes predicted = LabelCodes.of(output.predictions());
        requireComplete(predicted, model + " gave no prediction", "check the model or the predictions file");
        Set<String> distinct = new LinkedHashSet<>(truth.distinct());
        distinct.addAll(labelsOf(output));
        if (task == Task.BINARY) {
            distinct.add(positiveLabel);
        }
        ClassLabels labels = ClassLabels.sorted(distinct);
        if (task == Task.BINARY && labels.size() > 2) {
            throw new InputException(String.format("The task is binary but %s and column '%s' of %s use %d labels "
                    + "%s. Use --task multiclass, or check the target column.", model, target.name(), dataset,
                    labels.size(), labels.asList()));
        }
        int positive = task == Task.BINARY ? labels.indexOf(positiveLabel) : -1;
        double[][] probabilities = output.probabilities().isPresent()
                ? alignProbabilities(output.probabilities().get(), labels, positive, model)
                : null;
        return EvaluationData.classification(labels, positive, truth.indicesIn(labels), predicted.indicesIn(labels),
                probabilities);
    }

    private void requireComplete(final LabelCodes codes, final String what, final String fix) throws InputException {
        int row = codes.firstMissingRow();
        if (row >= 0) {
            throw new InputException(String.format("%s at row %d: %s.", what, row + 1, fix));
        }
    }

    private static double[][] alignProbabilities(final ProbabilityTable table, final ClassLabels labels,
            final int positive, final String model) throws InputException {
        int rows = table.rows();
        double[][] aligned = new double[labels.size()][];
        if (table.isPerClass()) {
            for (int k = 0; k < table.classLabels().size(); k++) {
                aligned[labels.indexOf(table.classLabels().get(k))] = table.column(k);
            }
        }
        else {
            if (labels.size() > 2) {
                throw new InputException(String.format("%s gives a single probability column, which needs a binary "
                        + "task, but the labels are %s. Give one probability_<label> column per class.",
                        model, labels.asList()));
            }
            double[] positiveColumn = table.positive();
            aligned[positive] = positiveColumn;
            if (labels.size() == 2) {
                double[] negativeColumn = new double[rows];
                for (int row = 0; row < rows; row++) {
                    negativeColumn[row] = 1.0 - positiveColumn[row];
                }
                aligned[1 - positive] = negativeColumn;
            }
        }
        for (int k = 0; k < aligned.length; k++) {
            if (aligned[k] == null) {
                aligned[k] = new double[rows];
            }
        }
        return aligned;
    }

    /** One model's regression data. */
    EvaluationData regression(final ModelOutput output, final String model) throws InputException {
        double[] truth = target.toDoubles();
        requireNoNaN(truth, "column '" + target.name() + "' of " + dataset + " has no value",
                "every evaluation row needs a target value");
        double[] predicted = output.predictions().toDoubles();
        requireNoNaN(predicted, model + " gave no prediction", "check the model or the predictions file");
        return EvaluationData.regression(truth, predicted);
    }

    private static void requireNoNaN(final double[] values, final String what, final String fix)
            throws InputException {
        for (int row = 0; row < values.length; row++) {
            if (Double.isNaN(values[row])) {
                throw new InputException(String.format("%s at row %d: %s.", what, row + 1, fix));
            }
        }
    }
}
