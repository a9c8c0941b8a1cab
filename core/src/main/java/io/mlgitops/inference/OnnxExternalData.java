package io.mlgitops.inference;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.inference.onnx.ExternalDataCheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tensors of an ONNX model that keep their data in side files, and whether each side file lies inside the
 * model's folder (no absolute path, no {@code ..}, no symbolic link out). For scanners of model folders; loading a
 * model checks the same through {@link LocalModelRunners#onnx}.
 */
public final class OnnxExternalData {
    /**
     * One tensor stored outside the model file.
     *
     * @param tensor   the tensor's name
     * @param location the side file's name as the model writes it
     * @param file     the side file, when it is an existing file inside the folder
     * @param problem  why the location is refused (it leaves the folder, or the file is missing); empty when
     *                 {@code file} is present
     */
    public record Tensor(String tensor, String location, Optional<Path> file, String problem) {
        public Tensor {
            Objects.requireNonNull(tensor, "tensor");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }
    }

    private OnnxExternalData() {
    }

    /**
     * Lists the external-data tensors of {@code onnxFile} and checks each location against {@code folder}.
     *
     * @param folder the model's folder, which no location may leave
     * @throws InputException when the file cannot be read or is not an ONNX model
     */
    public static List<Tensor> check(final Path onnxFile, final Path folder) throws InputException {
        return ExternalDataCheck.check(onnxFile, folder);
    }
}
