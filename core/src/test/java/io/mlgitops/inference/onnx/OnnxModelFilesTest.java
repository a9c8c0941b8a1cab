package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.FileDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Model files and MLflow directories are checked before ONNX Runtime sees them; nothing they name may lie outside
 * the model's folder.
 */
class OnnxModelFilesTest {
    private static final String MLP_DATA = "34096e26-c0fc-5211-bf07-6b98ebf0fe38.data";

    @TempDir
    Path folder;

    @Test
    void shouldDigestMlmodelModelAndExternalDataOfAnMlflowDirectory() throws Exception {
        Path directory = example("multiclass/mlflow-mlp");

        OnnxModelFiles files = OnnxModelFiles.open(directory);

        assertThat(files.modelFile()).isEqualTo(directory.toAbsolutePath().normalize().resolve("model.onnx"));
        assertThat(files.digests()).containsExactly(
                FileDigests.of(directory.resolve("MLmodel"), "MLmodel"),
                FileDigests.of(directory.resolve("model.onnx"), "model.onnx"),
                FileDigests.of(directory.resolve(MLP_DATA), MLP_DATA));
        assertThat(files.details()).containsEntry("mlflow.model_uuid", "34096e26c0fc5211bf076b98ebf0fe38")
                .doesNotContainKey("mlflow.run_id")
                .containsEntry("producer", "skl2onnx 1.20.0");
    }

    @Test
    void shouldDigestAPlainModelFileUnderThePathAsGiven() throws Exception {
        Path model = example("churn/champion.onnx");

        OnnxModelFiles files = OnnxModelFiles.open(model);

        assertThat(files.digests()).singleElement().isEqualTo(FileDigests.of(model, model.toString()));
    }

    @Test
    void shouldRejectExternalDataOutsideTheModelFolder() throws Exception {
        Path directory = copyOf(example("multiclass/mlflow-mlp"));
        Path model = directory.resolve("model.onnx");
        byte[] original = Files.readAllBytes(model);

        write(model, replace(original, MLP_DATA, "../" + MLP_DATA.substring(3)));
        assertThatThrownBy(() -> OnnxModelFiles.open(directory))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(model.toAbsolutePath().normalize() + ": tensor 'coefficient' refers to "
                        + "external data '../" + MLP_DATA.substring(3) + "', which leaves the model folder");

        write(model, replace(original, MLP_DATA, "/" + MLP_DATA.substring(1)));
        assertThatThrownBy(() -> OnnxModelFiles.open(directory))
                .hasMessageContaining("refers to external data '/" + MLP_DATA.substring(1) + "', which is not a "
                        + "relative path inside the model folder");
    }

    @Test
    void shouldRejectExternalDataThatIsMissingOrALinkOutOfTheFolder() throws Exception {
        Path directory = copyOf(example("multiclass/mlflow-mlp"));
        Path data = directory.resolve(MLP_DATA);
        Path outside = Files.copy(data, folder.resolve("outside.data"));
        Files.delete(data);

        assertThatThrownBy(() -> OnnxModelFiles.open(directory))
                .hasMessageContaining("refers to external data '" + MLP_DATA + "', but " + data + " does not exist.");

        Files.createSymbolicLink(data, outside);
        assertThatThrownBy(() -> OnnxModelFiles.open(directory))
                .hasMessageContaining("which is a link to a file outside the model folder");
    }

    @Test
    void shouldRejectExternalDataPathsWithDotDotEvenInside() throws Exception {
        Path model = folder.resolve("model.onnx");
        Files.write(model, new OnnxModelBuilder().externalInitializer("w", "sub/../w.bin").build());
        Files.write(folder.resolve("w.bin"), new byte[4]);

        assertThatThrownBy(() -> OnnxModelFiles.open(model))
                .hasMessageStartingWith(model.toAbsolutePath().normalize() + ": tensor 'w' refers to external data "
                        + "'sub/../w.bin', which leaves the model folder");
    }

    @Test
    void shouldRequireAnOnnxFlavorInsideTheDirectory() throws Exception {
        Path noFlavor = folder.resolve("sklearn-model");
        Files.createDirectories(noFlavor);
        Files.writeString(noFlavor.resolve("MLmodel"), "flavors:\n  python_function: {}\n  sklearn: {}\n");
        Path escaping = folder.resolve("escaping-model");
        Files.createDirectories(escaping);
        Files.writeString(escaping.resolve("MLmodel"), "flavors:\n  onnx:\n    data: ../model.onnx\n");

        assertThatThrownBy(() -> OnnxModelFiles.open(noFlavor))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(noFlavor.resolve("MLmodel") + " has no onnx flavor (flavors: "
                        + "python_function, sklearn).");
        assertThatThrownBy(() -> OnnxModelFiles.open(escaping))
                .hasMessageStartingWith(escaping.resolve("MLmodel") + ": flavors.onnx.data names '../model.onnx', "
                        + "which leaves the model folder");
    }

    @Test
    void shouldExplainMissingPathsDirectoriesWithoutMlmodelAndBrokenFiles() throws Exception {
        Path missing = folder.resolve("missing.onnx");
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Path garbage = Files.writeString(folder.resolve("garbage.onnx"), "\u0008\u00ff\u00ff", StandardCharsets.UTF_8);
        Path yaml = Files.createDirectories(folder.resolve("bad-yaml"));
        Files.writeString(yaml.resolve("MLmodel"), "flavors: [unclosed\n");

        assertThatThrownBy(() -> OnnxModelFiles.open(missing)).hasMessageStartingWith(missing + " does not exist.");
        assertThatThrownBy(() -> OnnxModelFiles.open(empty))
                .hasMessageStartingWith(empty + " is a directory without an MLmodel file.");
        assertThatThrownBy(() -> OnnxModelFiles.open(garbage))
                .hasMessageStartingWith(garbage + " is not a valid ONNX model (");
        assertThatThrownBy(() -> OnnxModelFiles.open(yaml))
                .hasMessageStartingWith(yaml.resolve("MLmodel") + " is not a readable MLmodel YAML file");
    }

    private Path copyOf(final Path directory) throws IOException {
        Path copy = folder.resolve(directory.getFileName());
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** Replaces text of the same length in a model, so that every protobuf length stays valid. */
    private static byte[] replace(final byte[] model, final String from, final String to) {
        assertThat(to).hasSameSizeAs(from);
        String text = new String(model, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(final Path file, final byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }
}
