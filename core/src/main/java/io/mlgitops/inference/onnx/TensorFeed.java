package io.mlgitops.inference.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.TextColumn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Locale;

/**
 * Feeds one model input from data set columns, batch by batch: one column for a per-column input ({@code [N]} or
 * {@code [N, 1]}), several packed side by side for a 2-D input ({@code [N, F]}). Values are checked against the
 * input's element type once, before the first batch, so that a bad cell fails fast with its column and row. Numeric
 * batches go through one reused direct buffer, which ONNX Runtime reads without copying.
 */
final class TensorFeed {
    private final String input;
    private final OnnxJavaType type;
    private final boolean matrix;
    private final int width;
    private final double[][] numbers;
    private final Column[] texts;
    private ByteBuffer buffer;

    private TensorFeed(final String input, final OnnxJavaType type, final boolean matrix, final double[][] numbers,
            final Column[] texts) {
        this.input = input;
        this.type = type;
        this.matrix = matrix;
        this.numbers = numbers;
        this.texts = texts;
        this.width = numbers != null ? numbers.length : texts.length;
    }

    /**
     * @param matrix  whether the input is 2-D ({@code [N, width]}) rather than 1-D ({@code [N]})
     * @param source  the data set's file, for messages
     * @throws InputException when a value cannot be represented in the input's element type
     */
    static TensorFeed create(final String input, final OnnxJavaType type, final boolean matrix,
            final List<Column> columns, final String source) throws InputException {
        if (type == OnnxJavaType.STRING) {
            for (Column column : columns) {
                requireNoMissing(column, input, type, source);
            }
            return new TensorFeed(input, type, matrix, null, columns.toArray(Column[]::new));
        }
        double[][] numbers = new double[columns.size()][];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = numericValues(columns.get(i), input, type, source);
        }
        return new TensorFeed(input, type, matrix, numbers, null);
    }

    String input() {
        return input;
    }

    /** Values per row. */
    int width() {
        return width;
    }

    /** The tensor of rows {@code [from, to)}; the caller closes it before asking for the next batch. */
    OnnxTensor tensor(final OrtEnvironment environment, final int from, final int to, final int batchSize)
            throws OrtException {
        int rows = to - from;
        long[] shape = matrix ? new long[] {rows, width} : new long[] {rows};
        if (type == OnnxJavaType.STRING) {
            return OnnxTensor.createTensor(environment, strings(from, to), shape);
        }
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(batchSize * width * type.size).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        switch (type) {
            case FLOAT -> {
                FloatBuffer floats = buffer.asFloatBuffer();
                for (int row = from; row < to; row++) {
                    for (double[] column : numbers) {
                        floats.put((float) column[row]);
                    }
                }
                return OnnxTensor.createTensor(environment, floats.flip(), shape);
            }
            case DOUBLE -> {
                DoubleBuffer doubles = buffer.asDoubleBuffer();
                for (int row = from; row < to; row++) {
                    for (double[] column : numbers) {
                        doubles.put(column[row]);
                    }
                }
                return OnnxTensor.createTensor(environment, doubles.flip(), shape);
            }
            case INT64 -> {
                LongBuffer longs = buffer.asLongBuffer();
                for (int row = from; row < to; row++) {
                    for (double[] column : numbers) {
                        longs.put((long) column[row]);
                    }
                }
                return OnnxTensor.createTensor(environment, longs.flip(), shape);
            }
            default -> {
                for (int row = from; row < to; row++) {
                    for (double[] column : numbers) {
                        buffer.put(column[row] == 0 ? (byte) 0 : (byte) 1);
                    }
                }
                return OnnxTensor.createTensor(environment, buffer.flip(), shape, OnnxJavaType.BOOL);
            }
        }
    }

    private String[] strings(final int from, final int to) {
        String[] values = new String[(to - from) * width];
        int index = 0;
        for (int row = from; row < to; row++) {
            for (Column column : texts) {
                values[index++] = column.text(row);
            }
        }
        return values;
    }

    private static double[] numericValues(final Column column, final String input, final OnnxJavaType type,
            final String source) throws InputException {
        return switch (type) {
            case FLOAT, DOUBLE -> column.toDoubles();
            case INT64 -> wholeNumbers(column, input, source);
            case BOOL -> booleans(column, input, source);
            default -> throw new InputException(String.format("Model input '%s' has element type %s, which cannot be "
                    + "fed from a CSV column (supported: float, double, int64, string, bool). Export the model with "
                    + "one of those input types.", input, type.name().toLowerCase(Locale.ROOT)));
        };
    }

    private static double[] wholeNumbers(final Column column, final String input, final String source)
            throws InputException {
        requireNoMissing(column, input, OnnxJavaType.INT64, source);
        double[] values = column.toDoubles();
        for (int row = 0; row < values.length; row++) {
            double value = values[row];
            if (value != Math.rint(value) || Math.abs(value) >= 0x1p63) {
                throw new InputException(String.format("%s: column '%s', row %d: %s is not a whole number, but model "
                        + "input '%s' is int64. Fix the value, or export the model with a float input for this "
                        + "column.", source, column.name(), row + 1, column.text(row), input));
            }
        }
        return values;
    }

    private static double[] booleans(final Column column, final String input, final String source)
            throws InputException {
        requireNoMissing(column, input, OnnxJavaType.BOOL, source);
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            String text = column.text(row);
            boolean isTrue = "1".equals(text) || "true".equalsIgnoreCase(text);
            if (!isTrue && !"0".equals(text) && !"false".equalsIgnoreCase(text)) {
                throw new InputException(String.format("%s: column '%s', row %d: '%s' is not a boolean (0, 1, true "
                        + "or false), but model input '%s' is bool.", source, column.name(), row + 1, text, input));
            }
            values[row] = isTrue ? 1 : 0;
        }
        return values;
    }

    private static void requireNoMissing(final Column column, final String input, final OnnxJavaType type,
            final String source) throws InputException {
        if (column.missingCount() == 0) {
            return;
        }
        int row = 0;
        while (!column.isMissing(row)) {
            row++;
        }
        String hint = column instanceof TextColumn ? "Fill the missing values" : "Fill the missing values, or "
                + "export the model with a float input for this column (float inputs carry missing values as NaN)";
        throw new InputException(String.format("%s: column '%s', row %d is missing, but model input '%s' is %s, "
                + "which cannot hold a missing value. %s.", source, column.name(), row + 1, input,
                type.name().toLowerCase(Locale.ROOT), hint));
    }
}
