package io.mlgitops.inference;

import java.util.List;
import java.util.Objects;

/**
 * How to feed a data set to a model.
 *
 * @param target    the target column, never fed to the model (may be {@code null} when the data has none)
 * @param features  the columns to pack into a single 2-D input, in this order; empty means every column except the
 *                  target, in file order. Models with one input per column are fed by name and ignore this list.
 * @param batchSize rows per inference call
 * @param threads   intra-op threads for local runtimes; 0 lets the runtime decide
 */
public record PredictionRequest(String target, List<String> features, int batchSize, int threads) {
    public static final int DEFAULT_BATCH_SIZE = 1024;

    public PredictionRequest {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative: " + threads);
        }
    }

    public static PredictionRequest forTarget(final String target) {
        return new PredictionRequest(target, List.of(), DEFAULT_BATCH_SIZE, 0);
    }
}
