package io.mlgitops.inference;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelReferenceTest {
    @Test
    void shouldParseFilesAndPredictions() throws InputException {
        assertThat(ModelReference.parse("onnx:models/a.onnx"))
                .isEqualTo(new ModelReference.Onnx("onnx:models/a.onnx", Path.of("models/a.onnx")));
        assertThat(ModelReference.parse(" predictions:p.csv "))
                .isEqualTo(new ModelReference.Predictions("predictions:p.csv", Path.of("p.csv")));
    }

    @Test
    void shouldParseRegistryVersionsAndAliases() throws InputException {
        assertThat(ModelReference.parse("models:/churn-prediction/12"))
                .isEqualTo(new ModelReference.Registry("models:/churn-prediction/12", "churn-prediction", "12", null));
        assertThat(ModelReference.parse("models:/catalog.schema.churn@champion"))
                .isEqualTo(new ModelReference.Registry("models:/catalog.schema.churn@champion",
                        "catalog.schema.churn", null, "champion"));
        assertThatThrownBy(() -> ModelReference.parse("models:/churn/Production"))
                .hasMessageContaining("models:/NAME/VERSION").hasMessageContaining("use an alias");
    }

    @Test
    void shouldParseHttpEndpointsWithOrWithoutThePrefix() throws InputException {
        assertThat(ModelReference.parse("http:http://127.0.0.1:5001/invocations"))
                .isEqualTo(new ModelReference.Http("http:http://127.0.0.1:5001/invocations",
                        URI.create("http://127.0.0.1:5001/invocations")));
        assertThat(((ModelReference.Http) ModelReference.parse("https://models.example.com/v2/models/churn"))
                .endpoint().getHost()).isEqualTo("models.example.com");
        assertThatThrownBy(() -> ModelReference.parse("http:nohost"))
                .hasMessageContaining("not an http(s) URL with a host");
    }

    @Test
    void shouldSuggestTheSchemeForABarePath() {
        assertThatThrownBy(() -> ModelReference.parse("model.onnx"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Unknown model reference 'model.onnx'")
                .hasMessageContaining("Did you mean onnx:model.onnx?");
        assertThatThrownBy(() -> ModelReference.parse("onnx:"))
                .hasMessageContaining("names no file");
    }
}
