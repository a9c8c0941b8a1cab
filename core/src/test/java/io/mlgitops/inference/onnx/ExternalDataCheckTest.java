package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.inference.OnnxExternalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** External-data locations listed and checked for scanners, without loading the model. */
class ExternalDataCheckTest {
    @TempDir
    Path folder;

    @Test
    void shouldListEachExternalTensorWithItsFileOrWhyItIsRefused() throws Exception {
        Path model = Files.createDirectories(folder.resolve("model")).resolve("sub/model.onnx");
        Files.createDirectories(model.getParent());
        Path inside = Files.write(model.resolveSibling("w.bin"), new byte[16]);
        Files.write(folder.resolve("secret.bin"), new byte[16]);
        Files.write(model, new OnnxModelBuilder().externalInitializer("w", "w.bin")
                .externalInitializer("escape", "../../secret.bin").externalInitializer("missing", "gone.bin")
                .externalInitializer("absolute", "/etc/passwd").build());

        List<OnnxExternalData.Tensor> tensors = OnnxExternalData.check(model, folder.resolve("model"));

        assertThat(tensors).extracting(OnnxExternalData.Tensor::tensor)
                .containsExactly("w", "escape", "missing", "absolute");
        assertThat(tensors.get(0)).isEqualTo(new OnnxExternalData.Tensor("w", "w.bin",
                Optional.of(inside.toAbsolutePath().normalize()), ""));
        assertThat(tensors.get(1).problem()).isEqualTo(model + ": tensor 'escape' refers to external data "
                + "'../../secret.bin', which leaves the model folder " + folder.resolve("model") + " ('..' is not "
                + "allowed). " + OnnxModelFiles.EXTERNAL_DATA_FIX);
        assertThat(tensors.get(2).problem()).contains("does not exist");
        assertThat(tensors.get(3).problem()).contains("which is not a relative path inside the model folder");
        assertThat(tensors.subList(1, 4)).allSatisfy(tensor -> assertThat(tensor.file()).isEmpty());
    }

    @Test
    void shouldRefuseFilesThatAreNotOnnxModels() throws Exception {
        Path model = Files.writeString(folder.resolve("model.onnx"), "not protobuf", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OnnxExternalData.check(model, folder)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(model + " is not a valid ONNX model");
    }
}
