package io.mlgitops.inference;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;

import java.util.List;

/**
 * Port: produces one model's predictions for every row of a data set. Implementations: ONNX Runtime on a local file
 * or MLflow model directory ({@code onnx:}), a predictions file ({@code predictions:}), the MLflow registry
 * ({@code models:/}), and HTTP endpoints ({@code http:}). A runner may hold native resources; close it.
 */
public interface ModelRunner extends AutoCloseable {
    /** What is run, with the digests of the files involved. */
    ModelDescription description();

    /**
     * The data set columns the model reads, when it declares them by name (an ONNX model with one input per column);
     * empty when the model takes one packed input or does not say.
     */
    default List<String> inputColumns() {
        return List.of();
    }

    /**
     * Predicts every row of the data set, in row order.
     *
     * @throws MlGitOpsException when the model cannot run on this data; the message names the input, column or
     *                           URL and the fix
     */
    ModelOutput predict(Dataset dataset, PredictionRequest request, ProgressListener progress)
            throws MlGitOpsException;

    @Override
    void close();
}
