package io.mlgitops.metrics;

import io.mlgitops.testing.ReferenceVectors;

import java.util.ArrayList;
import java.util.List;

/** The data sets of the reference vectors as {@link EvaluationData}. */
final class ReferenceData {
    static final ClassLabels BINARY_LABELS = ClassLabels.sorted(List.of("0", "1"));

    private ReferenceData() {
    }

    /** The 200-row binary set for {@code "p_champion"} or {@code "p_candidate"}, predicting 1 when p >= 0.5. */
    static EvaluationData binary(final String probabilityField) {
        return binary(ReferenceVectors.ints("binary", "y_true"), ReferenceVectors.doubles("binary", probabilityField));
    }

    /** Binary data with labels 0/1, positive class 1, predictions {@code p >= 0.5}. */
    static EvaluationData binary(final int[] yTrue, final double[] positiveProbability) {
        int[] yPred = new int[yTrue.length];
        double[] negativeProbability = new double[yTrue.length];
        for (int row = 0; row < yTrue.length; row++) {
            yPred[row] = positiveProbability[row] >= 0.5 ? 1 : 0;
            negativeProbability[row] = 1 - positiveProbability[row];
        }
        return EvaluationData.classification(BINARY_LABELS, 1, yTrue, yPred,
                new double[][] {negativeProbability, positiveProbability});
    }

    static EvaluationData classification(final int classes, final int[] yTrue, final int[] yPred) {
        List<String> labels = new ArrayList<>();
        for (int label = 0; label < classes; label++) {
            labels.add(Integer.toString(label));
        }
        return EvaluationData.classification(ClassLabels.sorted(labels), classes - 1, yTrue, yPred, null);
    }

    static EvaluationData multiclassReference() {
        return classification(4, ReferenceVectors.ints("multiclass", "y_true"),
                ReferenceVectors.ints("multiclass", "y_pred"));
    }

    static EvaluationData regressionReference() {
        return EvaluationData.regression(ReferenceVectors.doubles("regression", "y_true"),
                ReferenceVectors.doubles("regression", "y_pred"));
    }

    /** The value of a catalogue metric on data, unweighted. */
    static double value(final String metric, final EvaluationData data) throws Exception {
        return MetricCatalog.resolve(metric, data.task()).prepare(data).value();
    }
}
