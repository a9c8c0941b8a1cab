package io.mlgitops.jmh;

import io.mlgitops.metrics.ClassLabels;
import io.mlgitops.metrics.EvaluationData;

import java.util.List;
import java.util.SplittableRandom;

/** A synthetic binary evaluation set: a champion and a better candidate scoring the same rows. */
final class BinaryData {
    static final int ROWS = 1_000_000;

    private BinaryData() {
    }

    /**
     * @param separation how far the classes' score distributions lie apart (higher: better model)
     */
    static EvaluationData model(final int[] yTrue, final double separation, final long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] yPred = new int[yTrue.length];
        double[] one = new double[yTrue.length];
        double[] zero = new double[yTrue.length];
        for (int row = 0; row < yTrue.length; row++) {
            double logit = gaussian(random) + (yTrue[row] == 1 ? separation : -separation);
            one[row] = 1 / (1 + Math.exp(-logit));
            zero[row] = 1 - one[row];
            yPred[row] = one[row] >= 0.5 ? 1 : 0;
        }
        return EvaluationData.classification(ClassLabels.sorted(List.of("0", "1")), 1, yTrue, yPred,
                new double[][] {zero, one});
    }

    static int[] target(final long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] yTrue = new int[ROWS];
        for (int row = 0; row < ROWS; row++) {
            yTrue[row] = random.nextDouble() < 0.3 ? 1 : 0;
        }
        return yTrue;
    }

    private static double gaussian(final SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
