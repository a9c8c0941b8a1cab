package io.mlgitops.inference;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.inference.onnx.OnnxModelRunner;
import io.mlgitops.inference.predictions.PredictionsFileRunner;

import java.nio.file.Path;

/**
 * Creates the runners that work on local files: ONNX models ({@code onnx:} references, and the directories that
 * {@code models:/} references download) and predictions files ({@code predictions:} references).
 */
public final class LocalModelRunners {
    private LocalModelRunners() {
    }

    /**
     * An ONNX Runtime runner for an {@code .onnx} file or an MLflow model directory with an onnx flavor.
     *
     * @param reference the reference as the user wrote it ({@code onnx:model.onnx}, {@code models:/churn@champion})
     * @param threads   intra-op threads; 0 lets ONNX Runtime decide
     * @throws InputException when the model cannot be loaded; the message names the file and the fix
     */
    public static ModelRunner onnx(final Path modelFileOrMlflowDir, final String reference, final int threads)
            throws InputException {
        return OnnxModelRunner.open(modelFileOrMlflowDir, reference, threads);
    }

    /**
     * A runner that returns the predictions of a CSV file with a {@code prediction} column and optionally
     * {@code probability} or {@code probability_<class>} columns, row-aligned with the data set.
     *
     * @throws InputException when the file cannot be read or lacks a {@code prediction} column
     */
    public static ModelRunner predictions(final Path csv, final String reference, final CsvOptions options)
            throws InputException {
        return PredictionsFileRunner.open(csv, reference, options);
    }
}
