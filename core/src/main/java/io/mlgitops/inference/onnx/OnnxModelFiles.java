package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.FileDigest;
import io.mlgitops.data.FileDigests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The files of an ONNX model, checked before ONNX Runtime sees them: an {@code .onnx} file, or an MLflow model
 * directory whose {@code MLmodel} names the ONNX file in its onnx flavor; plus the external tensor data files the
 * model refers to, which must lie inside the model's folder.
 *
 * @param modelFile the ONNX file to load
 * @param bytes     its content, as digested and scanned
 * @param digests   every file read, with its SHA-256 (MLmodel, the ONNX file, external data files)
 * @param facts     what the model's bytes say about external data and class labels
 * @param details   MLflow facts ({@code mlflow.run_id}, {@code mlflow.model_uuid}) when read from a directory
 */
record OnnxModelFiles(Path modelFile, byte[] bytes, List<FileDigest> digests, OnnxModelFacts facts,
        Map<String, String> details) {
    /** How to fix external data that is outside the model's folder, for messages. */
    static final String EXTERNAL_DATA_FIX = "Save the model with its external data in the model's folder "
            + "(onnx.save_model(..., save_as_external_data=True, location='NAME')).";

    OnnxModelFiles {
        digests = List.copyOf(digests);
        details = Map.copyOf(details);
    }

    static OnnxModelFiles open(final Path path) throws InputException {
        if (!Files.exists(path)) {
            throw new InputException(String.format("%s does not exist. Give an .onnx file or an MLflow model "
                    + "directory (with an MLmodel file); a relative path is resolved against %s.", path,
                    Path.of("").toAbsolutePath()));
        }
        if (Files.isDirectory(path)) {
            return openMlflowDirectory(path);
        }
        return openModel(path, path.toAbsolutePath().normalize().getParent(), path.toString(), path.getParent(),
                new ArrayList<>(), Map.of());
    }

    private static OnnxModelFiles openMlflowDirectory(final Path directory) throws InputException {
        Path mlmodel = directory.resolve(MlflowModelFile.FILE_NAME);
        if (!Files.isRegularFile(mlmodel)) {
            throw new InputException(String.format("%s is a directory without an %s file. Give an .onnx file or an "
                    + "MLflow model directory.", directory, MlflowModelFile.FILE_NAME));
        }
        MlflowModelFile mlflow = MlflowModelFile.read(mlmodel);
        Path root = directory.toAbsolutePath().normalize();
        Path modelFile = ContainedPaths.resolve(root, root, mlflow.onnxData(),
                mlmodel + ": flavors.onnx.data names", "Save the model again with mlflow.onnx.save_model.");
        List<FileDigest> digests = new ArrayList<>();
        digests.add(FileDigests.of(mlmodel, MlflowModelFile.FILE_NAME));
        return openModel(modelFile, root, root.relativize(modelFile).toString(), null, digests, mlflow.details());
    }

    /**
     * @param root          the folder nothing may leave
     * @param displayPath   how to name the model file in digests
     * @param displayFolder prefix for naming external data files in digests, or {@code null} to name them relative
     *                      to {@code root}
     */
    private static OnnxModelFiles openModel(final Path modelFile, final Path root, final String displayPath,
            final Path displayFolder, final List<FileDigest> digests, final Map<String, String> details)
            throws InputException {
        byte[] bytes = readModel(modelFile);
        OnnxModelFacts facts = facts(modelFile, bytes);
        digests.add(FileDigests.of(bytes, displayPath));
        Path base = modelFile.toAbsolutePath().normalize().getParent();
        TreeSet<String> locations = new TreeSet<>();
        for (OnnxModelFacts.ExternalTensor tensor : facts.externalTensors()) {
            String what = String.format("%s: tensor '%s' refers to external data", modelFile, tensor.tensor());
            ContainedPaths.resolve(root, base, tensor.location(), what, EXTERNAL_DATA_FIX);
            locations.add(tensor.location());
        }
        for (String location : locations) {
            Path file = base.resolve(location).normalize();
            Path relative = root.relativize(file);
            digests.add(FileDigests.of(file, (displayFolder == null ? relative : displayFolder.resolve(relative))
                    .toString()));
        }
        Map<String, String> allDetails = new LinkedHashMap<>(details);
        if (!facts.producer().isEmpty()) {
            allDetails.put("producer", facts.producer());
        }
        return new OnnxModelFiles(modelFile, bytes, digests, facts, allDetails);
    }

    /** What the model's bytes say about external data and class labels. */
    static OnnxModelFacts facts(final Path modelFile, final byte[] bytes) throws InputException {
        try {
            return OnnxModelFacts.scan(bytes);
        }
        catch (MalformedModelException malformed) {
            throw new InputException(String.format("%s is not a valid ONNX model (%s). Export the model to ONNX "
                    + "again, e.g. with skl2onnx.", modelFile, malformed.getMessage()), malformed);
        }
    }

    static byte[] readModel(final Path modelFile) throws InputException {
        try {
            return Files.readAllBytes(modelFile);
        }
        catch (IOException failure) {
            throw new InputException(String.format("Cannot read %s (%s: %s). Check that the file exists and is "
                    + "readable.", modelFile, failure.getClass().getSimpleName(), failure.getMessage()), failure);
        }
    }
}
