package io.mlgitops.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.PredictionRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a data set feeds a model's inputs. When every input is named like a column, each input gets its column
 * (skl2onnx pipelines with one input per column); otherwise a model with a single input gets the request's feature
 * columns packed into one 2-D tensor.
 */
final class InputPlan {
    private final List<TensorFeed> feeds;
    private final String description;

    private InputPlan(final List<TensorFeed> feeds, final String description) {
        this.feeds = feeds;
        this.description = description;
    }

    /**
     * @param batchSize the rows per batch, at most the data set's rows
     * @throws InputException when no column feeds an input, a value does not fit its input's type, the feature
     *                        count differs from the input's width, or one batch would not fit in one buffer
     */
    static InputPlan create(final Map<String, NodeInfo> inputs, final Dataset dataset,
            final PredictionRequest request, final int batchSize, final String reference) throws InputException {
        List<String> unfed = inputs.keySet().stream().filter(name -> dataset.find(name).isEmpty()).toList();
        if (unfed.isEmpty()) {
            return perColumn(inputs, dataset, reference).requireBatchFits(batchSize, reference);
        }
        if (inputs.size() == 1) {
            return packed(inputs.values().iterator().next(), dataset, request, reference)
                    .requireBatchFits(batchSize, reference);
        }
        throw new InputException(String.format("%s: no column of %s feeds the model input%s %s. Model inputs: %s. "
                + "Data columns: %s. Name the columns like the model's inputs.", reference, dataset.source(),
                unfed.size() > 1 ? "s" : "", quoted(unfed), NodeInfoText.describe(inputs),
                String.join(", ", dataset.columnNames())));
    }

    private InputPlan requireBatchFits(final int batchSize, final String reference) throws InputException {
        for (TensorFeed feed : feeds) {
            if ((long) batchSize * feed.width() * Double.BYTES > Integer.MAX_VALUE) {
                throw new InputException(String.format("%s: a batch of %,d rows of %d values for input '%s' does not "
                        + "fit in one buffer. Use a batch size of at most %,d.", reference, batchSize, feed.width(),
                        feed.input(), Integer.MAX_VALUE / Double.BYTES / feed.width()));
            }
        }
        return this;
    }

    /** One line for progress messages: which columns feed which inputs. */
    String description() {
        return description;
    }

    /** One tensor per input for rows {@code [from, to)}; the caller closes them. */
    Map<String, OnnxTensor> tensors(final OrtEnvironment environment, final int from, final int to,
            final int batchSize) throws OrtException {
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (TensorFeed feed : feeds) {
                tensors.put(feed.input(), feed.tensor(environment, from, to, batchSize));
            }
            return tensors;
        }
        catch (OrtException | RuntimeException failure) {
            tensors.values().forEach(OnnxTensor::close);
            throw failure;
        }
    }

    private static InputPlan perColumn(final Map<String, NodeInfo> inputs, final Dataset dataset,
            final String reference) throws InputException {
        List<TensorFeed> feeds = new ArrayList<>();
        for (NodeInfo input : inputs.values()) {
            TensorInfo tensor = tensorInfo(input, reference);
            long[] shape = tensor.getShape();
            if (shape.length == 2 && shape[1] > 1) {
                throw new InputException(String.format("%s: model input '%s' takes %d values per row, but column "
                        + "'%s' gives one. Feed the model through a single input of packed features instead.",
                        reference, input.getName(), shape[1], input.getName()));
            }
            feeds.add(TensorFeed.create(input.getName(), tensor.type, shape.length == 2,
                    List.of(dataset.column(input.getName())), dataset.source()));
        }
        return new InputPlan(feeds, "one input per column (" + inputs.size() + " inputs)");
    }

    private static InputPlan packed(final NodeInfo input, final Dataset dataset, final PredictionRequest request,
            final String reference) throws InputException {
        TensorInfo tensor = tensorInfo(input, reference);
        List<Column> features = features(dataset, request);
        long[] shape = tensor.getShape();
        if (shape.length != 2) {
            throw new InputException(String.format("%s: model input '%s' has shape %s and is not named like a "
                    + "column of %s. A single input must be 2-D [rows, features], or the model needs one input per "
                    + "column named like the columns.", reference, input.getName(), NodeInfoText.shape(shape),
                    dataset.source()));
        }
        if (shape[1] > 0 && shape[1] != features.size()) {
            throw new InputException(String.format("%s: model input '%s' takes %d features per row, but %d columns "
                    + "were given (%s). Choose the %d feature columns the model was trained on, in training order.",
                    reference, input.getName(), shape[1], features.size(),
                    features.stream().map(Column::name).collect(Collectors.joining(", ")), shape[1]));
        }
        TensorFeed feed = TensorFeed.create(input.getName(), tensor.type, true, features, dataset.source());
        return new InputPlan(List.of(feed), "columns " + features.stream().map(Column::name)
                .collect(Collectors.joining(", ")) + " packed into input '" + input.getName() + "'");
    }

    private static List<Column> features(final Dataset dataset, final PredictionRequest request)
            throws InputException {
        String target = request.target();
        if (request.features().isEmpty()) {
            return target == null ? dataset.columns() : dataset.columnsExcept(target);
        }
        if (target != null && request.features().contains(target)) {
            throw new InputException(String.format("The feature columns include the target column '%s' of %s. "
                    + "Remove it from the features.", target, dataset.source()));
        }
        return dataset.columns(request.features());
    }

    private static TensorInfo tensorInfo(final NodeInfo input, final String reference) throws InputException {
        if (!(input.getInfo() instanceof TensorInfo tensor)) {
            throw new InputException(String.format("%s: model input '%s' is a %s, not a tensor; only tensor inputs "
                    + "can be fed from a CSV file.", reference, input.getName(), input.getInfo()));
        }
        return tensor;
    }

    private static String quoted(final List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
