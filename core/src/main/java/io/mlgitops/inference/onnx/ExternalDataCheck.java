package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.inference.OnnxExternalData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks an ONNX model's external-data locations without loading the model; see {@link OnnxExternalData}. */
public final class ExternalDataCheck {
    private ExternalDataCheck() {
    }

    /** See {@link OnnxExternalData#check}. */
    public static List<OnnxExternalData.Tensor> check(final Path modelFile, final Path folder)
            throws InputException {
        OnnxModelFacts facts = OnnxModelFiles.facts(modelFile, OnnxModelFiles.readModel(modelFile));
        Path root = folder.toAbsolutePath().normalize();
        Path base = modelFile.toAbsolutePath().normalize().getParent();
        List<OnnxExternalData.Tensor> tensors = new ArrayList<>();
        for (OnnxModelFacts.ExternalTensor tensor : facts.externalTensors()) {
            String what = String.format("%s: tensor '%s' refers to external data", modelFile, tensor.tensor());
            try {
                Path file = ContainedPaths.resolve(root, base, tensor.location(), what,
                        OnnxModelFiles.EXTERNAL_DATA_FIX);
                tensors.add(new OnnxExternalData.Tensor(tensor.tensor(), tensor.location(), Optional.of(file), ""));
            }
            catch (InputException refused) {
                tensors.add(new OnnxExternalData.Tensor(tensor.tensor(), tensor.location(), Optional.empty(),
                        refused.getMessage()));
            }
        }
        return tensors;
    }
}
