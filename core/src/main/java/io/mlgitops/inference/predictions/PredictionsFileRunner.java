package io.mlgitops.inference.predictions;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Column;
import io.mlgitops.data.CsvOptions;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.FileDigest;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.metrics.ClassLabels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Predictions computed elsewhere, read from a CSV file row-aligned with the data set: a {@code prediction} column,
 * and optionally either {@code probability} (binary: the probability of the positive class) or one
 * {@code probability_<class>} column per class. The file is read and checked when the runner is created.
 */
public final class PredictionsFileRunner implements ModelRunner {
    static final String PREDICTION = "prediction";
    static final String PROBABILITY = "probability";
    static final String CLASS_PROBABILITY_PREFIX = "probability_";

    private final Dataset file;
    private final Column predictions;
    private final Optional<ProbabilityTable> probabilities;
    private final ModelDescription description;

    private PredictionsFileRunner(final Dataset file, final Column predictions,
            final Optional<ProbabilityTable> probabilities, final ModelDescription description) {
        this.file = file;
        this.predictions = predictions;
        this.probabilities = probabilities;
        this.description = description;
    }

    /**
     * Reads and checks a predictions file.
     *
     * @throws InputException when the file cannot be read as CSV, has no {@code prediction} column, has both kinds
     *                        of probability columns, or a missing prediction or a probability that is missing, not
     *                        a number or outside [0, 1]
     */
    public static PredictionsFileRunner open(final Path csv, final String reference, final CsvOptions options)
            throws InputException {
        Dataset file = CsvReader.read(csv, options);
        Column predictions = file.find(PREDICTION).orElseThrow(() -> new InputException(String.format("%s has no "
                + "'%s' column. Columns: %s. Name the column of predicted labels or values '%s'.", csv, PREDICTION,
                String.join(", ", file.columnNames()), PREDICTION)));
        requireComplete(predictions, file);
        Optional<ProbabilityTable> probabilities = probabilities(file);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("columns", String.join(", ", file.columnNames()));
        details.put("rows", Integer.toString(file.rowCount()));
        FileDigest digest = new FileDigest(file.source(), file.sha256(), size(csv));
        ModelDescription description = new ModelDescription(reference, "predictions", List.of(digest), details);
        return new PredictionsFileRunner(file, predictions, probabilities, description);
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public ModelOutput predict(final Dataset dataset, final PredictionRequest request,
            final ProgressListener progress) throws InputException {
        if (dataset.rowCount() != file.rowCount()) {
            throw new InputException(String.format("The predictions file %s has %,d rows but the data set %s has "
                    + "%,d. Predictions must be row-aligned with the data set: one row per data row, in the same "
                    + "order.", file.source(), file.rowCount(), dataset.source(), dataset.rowCount()));
        }
        return new ModelOutput(predictions, probabilities, List.of());
    }

    @Override
    public void close() {
        // holds no resources beyond heap memory
    }

    private static Optional<ProbabilityTable> probabilities(final Dataset file) throws InputException {
        List<String> labels = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (Column column : file.columns()) {
            if (column.name().startsWith(CLASS_PROBABILITY_PREFIX)) {
                labels.add(canonicalLabel(column.name().substring(CLASS_PROBABILITY_PREFIX.length())));
                columns.add(probabilityValues(column, file));
            }
        }
        Optional<Column> positive = file.find(PROBABILITY);
        if (positive.isPresent() && !columns.isEmpty()) {
            throw new InputException(String.format("%s has both a '%s' column and '%s<class>' columns. Keep one "
                    + "kind: '%s' for the positive class of a binary task, or one '%s<class>' column per class.",
                    file.source(), PROBABILITY, CLASS_PROBABILITY_PREFIX, PROBABILITY, CLASS_PROBABILITY_PREFIX));
        }
        if (positive.isPresent()) {
            return Optional.of(ProbabilityTable.positiveClass(probabilityValues(positive.get(), file)));
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ProbabilityTable.perClass(labels, columns.toArray(double[][]::new)));
    }

    /** Class names in column headers follow the labels' canonical text: {@code probability_1.0} is class 1. */
    private static String canonicalLabel(final String label) {
        try {
            return ClassLabels.canonical(Double.parseDouble(label));
        }
        catch (NumberFormatException notANumber) {
            return label;
        }
    }

    private static double[] probabilityValues(final Column column, final Dataset file) throws InputException {
        requireComplete(column, file);
        double[] values = column.toDoubles();
        for (int row = 0; row < values.length; row++) {
            if (!(values[row] >= 0 && values[row] <= 1)) {
                throw new InputException(String.format("%s: column '%s', row %d: %s is not a probability (between 0 "
                        + "and 1).", file.source(), column.name(), row + 1, column.text(row)));
            }
        }
        return values;
    }

    private static void requireComplete(final Column column, final Dataset file) throws InputException {
        if (column.missingCount() == 0) {
            return;
        }
        int row = 0;
        while (!column.isMissing(row)) {
            row++;
        }
        throw new InputException(String.format("%s: column '%s', row %d is missing. Every row needs a value in the "
                + "predictions file.", file.source(), column.name(), row + 1));
    }

    private static long size(final Path csv) throws InputException {
        try {
            return Files.size(csv);
        }
        catch (IOException failure) {
            throw new InputException("Cannot read " + csv + " (" + failure.getMessage() + ").", failure);
        }
    }
}
