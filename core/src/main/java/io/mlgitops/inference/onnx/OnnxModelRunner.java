package io.mlgitops.inference.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an ONNX model with ONNX Runtime on a data set, batch by batch, with one session for all batches. The number of
 * intra-op threads is fixed when the runner is opened ({@link PredictionRequest#threads()} is not consulted). Each
 * {@link BatchTiming} covers building the input tensors, the run and copying the outputs. The session holds native
 * memory: close the runner.
 *
 * <p>Probabilities of skl2onnx's ZipMap output are read from the tensor that feeds the ZipMap, which the runner adds
 * to the model's outputs when loading it: reading one map per row through ONNX Runtime's Java API costs about 6
 * microseconds a row, far more than the inference of a small model.</p>
 */
public final class OnnxModelRunner implements ModelRunner {
    /** ONNX Runtime's session option for where a model loaded from memory keeps its external data. */
    private static final String EXTERNAL_DATA_FOLDER = "session.model_external_initializers_file_folder_path";

    private final String reference;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Map<String, NodeInfo> inputs;
    private final OutputPlan outputs;
    private final ModelDescription description;

    private OnnxModelRunner(final String reference, final OrtEnvironment environment, final OrtSession session,
            final Map<String, NodeInfo> inputs, final OutputPlan outputs, final ModelDescription description) {
        this.reference = reference;
        this.environment = environment;
        this.session = session;
        this.inputs = inputs;
        this.outputs = outputs;
        this.description = description;
    }

    /**
     * Loads a model.
     *
     * @param modelFileOrMlflowDir an {@code .onnx} file, or an MLflow model directory with an onnx flavor
     * @param reference            the reference as the user wrote it, for messages and the report
     * @param threads              intra-op threads; 0 lets ONNX Runtime decide (one per core)
     * @throws InputException when the files are missing or malformed, external data lies outside the model folder,
     *                        ONNX Runtime cannot load the model, or its outputs are not a label or value
     */
    public static OnnxModelRunner open(final Path modelFileOrMlflowDir, final String reference, final int threads)
            throws InputException {
        return open(modelFileOrMlflowDir, reference, threads, true);
    }

    /**
     * @param readZipMapInputs whether to add the tensors that feed ZipMap nodes to the model's outputs and read the
     *                         probabilities from them; {@code false} reads the ZipMap's maps (slow, kept for models
     *                         whose ZipMap cannot be found in the main graph)
     */
    static OnnxModelRunner open(final Path modelFileOrMlflowDir, final String reference, final int threads,
            final boolean readZipMapInputs) throws InputException {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative: " + threads);
        }
        OnnxModelFiles files = OnnxModelFiles.open(modelFileOrMlflowDir);
        List<String> extraOutputs = readZipMapInputs ? zipMapInputs(files.facts()) : List.of();
        OrtEnvironment environment = environment();
        OrtSession session = createSession(environment, files, extraOutputs, threads, reference);
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputInfo = session.getOutputInfo();
            OutputPlan outputs = OutputPlan.create(outputInfo, files.facts(), reference);
            Map<String, NodeInfo> declaredOutputs = new LinkedHashMap<>(outputInfo);
            declaredOutputs.keySet().removeAll(extraOutputs);
            Map<String, String> details = new LinkedHashMap<>(files.details());
            details.put("inputs", NodeInfoText.describe(inputs));
            details.put("outputs", NodeInfoText.describe(declaredOutputs));
            details.putAll(outputs.details());
            ModelDescription description = new ModelDescription(reference, "onnx", files.digests(), details);
            return new OnnxModelRunner(reference, environment, session, inputs, outputs, description);
        }
        catch (OrtException failure) {
            closeQuietly(session, failure);
            throw new InputException(String.format("%s: ONNX Runtime cannot describe the model's inputs and outputs "
                    + "(%s).", reference, failure.getMessage()), failure);
        }
        catch (InputException | RuntimeException failure) {
            closeQuietly(session, failure);
            throw failure;
        }
    }

    /** The probability tensors that feed ZipMap outputs and are not outputs already. */
    private static List<String> zipMapInputs(final OnnxModelFacts facts) {
        return facts.zipMaps().stream()
                .filter(zipMap -> facts.outputs().contains(zipMap.output()))
                .map(OnnxModelFacts.ZipMap::input)
                .filter(input -> !facts.outputs().contains(input))
                .distinct()
                .toList();
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public List<String> inputColumns() {
        return inputs.size() > 1 ? List.copyOf(inputs.keySet()) : List.of();
    }

    @Override
    public ModelOutput predict(final Dataset dataset, final PredictionRequest request,
            final ProgressListener progress) throws InputException {
        int rows = dataset.rowCount();
        int batchSize = Math.max(1, Math.min(request.batchSize(), rows));
        InputPlan plan = InputPlan.create(inputs, dataset, request, batchSize, reference);
        progress.info(String.format("%s: predicting %,d rows in batches of %,d; %s", reference, rows, batchSize,
                plan.description()));
        OutputCollector collector = new OutputCollector(outputs, rows, reference);
        List<BatchTiming> timings = new ArrayList<>();
        int to;
        for (int from = 0; from < rows; from = to) {
            to = (int) Math.min(rows, (long) from + batchSize);
            long start = System.nanoTime();
            runBatch(plan, collector, from, to, batchSize);
            timings.add(new BatchTiming(to - from, System.nanoTime() - start));
        }
        return collector.finish(timings);
    }

    private void runBatch(final InputPlan plan, final OutputCollector collector, final int from, final int to,
            final int batchSize) throws InputException {
        Map<String, OnnxTensor> tensors = Map.of();
        try {
            tensors = plan.tensors(environment, from, to, batchSize);
            try (OrtSession.Result result = session.run(tensors, outputs.names())) {
                collector.add(result, from, to);
            }
        }
        catch (OrtException failure) {
            throw new InputException(String.format("%s: ONNX Runtime failed on rows %d to %d (%s). Check that the "
                    + "data has the columns and types the model was trained on.", reference, from + 1, to,
                    failure.getMessage()), failure);
        }
        finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        }
        catch (OrtException failure) {
            throw new IllegalStateException("Cannot release the ONNX Runtime session of " + reference, failure);
        }
    }

    private static OrtEnvironment environment() throws InputException {
        try {
            return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "mlgitops");
        }
        catch (RuntimeException | LinkageError failure) {
            throw new InputException("ONNX Runtime cannot start on this machine (" + failure.getMessage() + "). It "
                    + "supports Linux, macOS and Windows on x64 and arm64.", failure);
        }
    }

    /**
     * Loads the model from the bytes that were checked (with extra outputs when asked), resolving external data in
     * the model file's folder.
     */
    private static OrtSession createSession(final OrtEnvironment environment, final OnnxModelFiles files,
            final List<String> extraOutputs, final int threads, final String reference) throws InputException {
        Path modelFile = files.modelFile();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            Path folder = modelFile.toAbsolutePath().normalize().getParent();
            options.addConfigEntry(EXTERNAL_DATA_FOLDER, folder.toString());
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            byte[] model = extraOutputs.isEmpty() ? files.bytes() : GraphOutputs.withOutputs(files.bytes(),
                    extraOutputs);
            return environment.createSession(model, options);
        }
        catch (OrtException | MalformedModelException failure) {
            throw new InputException(String.format("%s: ONNX Runtime cannot load %s (%s). Check that it is an ONNX "
                    + "model exported for opsets this runtime supports.", reference, modelFile,
                    failure.getMessage()), failure);
        }
    }

    private static void closeQuietly(final OrtSession session, final Exception cause) {
        try {
            session.close();
        }
        catch (OrtException secondary) {
            cause.addSuppressed(secondary);
        }
    }
}
