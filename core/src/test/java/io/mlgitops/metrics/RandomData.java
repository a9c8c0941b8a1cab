package io.mlgitops.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random evaluation data for the scikit-learn comparison, with the awkward cases metrics must get right. */
final class RandomData {
    private RandomData() {
    }

    /**
     * Binary labels 0/1 with probabilities of class 1 rounded to {@code decimals} (ties; negative for none), a few
     * exact 0 and 1 values (log-loss clipping), and predictions that mostly but not always follow the probability.
     */
    static EvaluationData binary(final Random random, final int rows, final int decimals, final int positive) {
        int[] yTrue = new int[rows];
        int[] yPred = new int[rows];
        double[] one = new double[rows];
        double[] zero = new double[rows];
        for (int row = 0; row < rows; row++) {
            yTrue[row] = random.nextDouble() < 0.4 ? 1 : 0;
            double p = 1 / (1 + Math.exp(-(random.nextGaussian() + (yTrue[row] == 1 ? 1.0 : -1.0))));
            if (random.nextDouble() < 0.02) {
                p = random.nextBoolean() ? 0.0 : 1.0;
            }
            one[row] = decimals < 0 ? p : Math.round(p * Math.pow(10, decimals)) / Math.pow(10, decimals);
            zero[row] = 1 - one[row];
            boolean flip = random.nextDouble() < 0.05;
            yPred[row] = (one[row] >= 0.5) != flip ? 1 : 0;
        }
        return EvaluationData.classification(labels(2), positive, yTrue, yPred, new double[][] {zero, one});
    }

    /**
     * Multiclass data: the last class is never predicted; with {@code variant} 2 the first class never occurs in the
     * target; with {@code variant} 1 probability rows come from a small pool, so scores tie.
     */
    static EvaluationData multiclass(final Random random, final int rows, final int classes, final int variant) {
        double[][] pool = new double[6][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = randomDistribution(random, classes);
        }
        int[] yTrue = new int[rows];
        int[] yPred = new int[rows];
        double[][] probabilities = new double[classes][rows];
        for (int row = 0; row < rows; row++) {
            yTrue[row] = variant == 2 ? 1 + random.nextInt(classes - 1) : random.nextInt(classes);
            double[] distribution = variant == 1 ? pool[random.nextInt(pool.length)] : randomDistribution(random,
                    classes);
            int best = 0;
            for (int k = 0; k < classes; k++) {
                probabilities[k][row] = distribution[k];
                best = k < classes - 1 && distribution[k] > distribution[best] ? k : best;
            }
            yPred[row] = random.nextDouble() < 0.3 ? yTrue[row] % (classes - 1) : best;
        }
        return EvaluationData.classification(labels(classes), classes - 1, yTrue, yPred, probabilities);
    }

    private static double[] randomDistribution(final Random random, final int classes) {
        double[] distribution = new double[classes];
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            distribution[k] = -Math.log(1 - random.nextDouble());
            sum += distribution[k];
        }
        for (int k = 0; k < classes; k++) {
            distribution[k] /= sum;
        }
        return distribution;
    }

    /** Targets around 10 with some zeros (percentage error with eps), predictions with noise. */
    static EvaluationData regression(final Random random, final int rows) {
        double[] yTrue = new double[rows];
        double[] yPred = new double[rows];
        for (int row = 0; row < rows; row++) {
            yTrue[row] = random.nextDouble() < 0.05 ? 0.0 : Math.round((10 + 3 * random.nextGaussian()) * 1e3) / 1e3;
            yPred[row] = yTrue[row] + random.nextGaussian() * 1.5;
        }
        return EvaluationData.regression(yTrue, yPred);
    }

    /** A constant target whose mean numpy does not compute exactly, and one wrong prediction. */
    static EvaluationData constantTarget(final int rows) {
        double[] yTrue = new double[rows];
        double[] yPred = new double[rows];
        Arrays.fill(yTrue, 0.1);
        Arrays.fill(yPred, 0.1);
        yPred[rows - 1] = 0.2;
        return EvaluationData.regression(yTrue, yPred);
    }

    private static ClassLabels labels(final int classes) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labels.add(Integer.toString(k));
        }
        return ClassLabels.sorted(labels);
    }
}
