package io.mlgitops.inference.onnx;

import io.mlgitops.inference.onnx.OnnxModelFacts.ExternalTensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static io.mlgitops.testing.TestEnvironment.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxModelFactsTest {
    @Test
    void shouldReadClassLabelsOfClassifierAndZipMapNodes() throws Exception {
        OnnxModelFacts champion = OnnxModelFacts.scan(Files.readAllBytes(example("churn/champion.onnx")));
        OnnxModelFacts candidate = OnnxModelFacts.scan(Files.readAllBytes(example("multiclass/candidate.onnx")));
        OnnxModelFacts regression = OnnxModelFacts.scan(Files.readAllBytes(example("regression/champion.onnx")));

        assertThat(champion.classLabels()).containsExactly(List.of("0", "1"), List.of("0", "1"));
        assertThat(candidate.classLabels()).containsExactly(List.of("bronze", "gold", "silver"));
        assertThat(regression.classLabels()).isEmpty();
        assertThat(champion.externalTensors()).isEmpty();
        assertThat(champion.producer()).isEqualTo("skl2onnx 1.20.0");
        assertThat(champion.zipMaps()).containsExactly(
                new OnnxModelFacts.ZipMap("probabilities", "output_probability", List.of("0", "1")));
        assertThat(champion.outputs()).containsExactly("output_label", "output_probability");
        assertThat(candidate.zipMaps()).isEmpty();
    }

    @Test
    void shouldFindEveryTensorKeptInExternalData() throws Exception {
        OnnxModelFacts mlp = OnnxModelFacts.scan(Files.readAllBytes(example("multiclass/mlflow-mlp/model.onnx")));

        assertThat(mlp.externalTensors()).containsExactly(
                new ExternalTensor("coefficient", "34096e26-c0fc-5211-bf07-6b98ebf0fe38.data"),
                new ExternalTensor("coefficient1", "34096e26-c0fc-5211-bf07-6b98ebf0fe38.data"));
    }

    @Test
    void shouldFindExternalDataInNestedGraphs() throws Exception {
        ProtobufWriter inner = new ProtobufWriter().message(5, new ProtobufWriter()
                .string(8, "hidden").message(13, new ProtobufWriter().string(1, "location")
                        .string(2, "../../etc/passwd")));
        ProtobufWriter attribute = new ProtobufWriter().string(1, "then_branch")
                .message(6, inner);
        ProtobufWriter node = new ProtobufWriter().string(4, "If").message(5, attribute);
        byte[] model = new ProtobufWriter()
                .message(7, new ProtobufWriter().message(1, node)).toByteArray();

        assertThat(OnnxModelFacts.scan(model).externalTensors())
                .containsExactly(new ExternalTensor("hidden", "../../etc/passwd"));
    }

    @Test
    void shouldReadPackedAndUnpackedIntegerLabels() throws Exception {
        ProtobufWriter unpacked = new ProtobufWriter().string(1, "classlabels_ints")
                .varint(8, 3).varint(8, -1L);
        ProtobufWriter packed = new ProtobufWriter().string(1, "classlabels_int64s")
                .bytes(8, new byte[] {7, 9});
        ProtobufWriter graph = new ProtobufWriter()
                .message(1, new ProtobufWriter().message(5, unpacked))
                .message(1, new ProtobufWriter().message(5, packed));

        OnnxModelFacts facts = OnnxModelFacts.scan(new ProtobufWriter().message(7, graph).toByteArray());

        assertThat(facts.classLabels()).containsExactly(List.of("3", "-1"), List.of("7", "9"));
    }

    @Test
    void shouldRejectTruncatedBytes() throws Exception {
        byte[] model = Files.readAllBytes(example("churn/champion.onnx"));
        byte[] truncated = Arrays.copyOf(model, model.length / 2);

        assertThatThrownBy(() -> OnnxModelFacts.scan(truncated))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageContaining("past the end");
    }
}
