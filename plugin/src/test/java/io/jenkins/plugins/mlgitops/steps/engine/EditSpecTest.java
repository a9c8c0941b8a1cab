package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.gitops.DocumentSelector;
import io.mlgitops.gitops.ManifestEdit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** setImage(...) and setValue(...) blocks become the engine's manifest edits. */
class EditSpecTest {
    @Test
    void shouldSetAnImageTag() throws Exception {
        ManifestEdit edit = EditSpec.setImage("k.yaml", "registry.example.com/churn", null, "v{{version}}", " ")
                .toEdit();

        assertThat(edit).isEqualTo(new ManifestEdit.SetImage("k.yaml", "registry.example.com/churn", null,
                "v{{version}}", null));
    }

    @Test
    void shouldPickTheDocumentByIndexOrKindAndName() throws Exception {
        assertThat(EditSpec.setValue("a.yaml", "spec.x", "1", null).toEdit())
                .isEqualTo(new ManifestEdit.SetValue("a.yaml", DocumentSelector.ONLY, "spec.x", "1"));
        assertThat(((ManifestEdit.SetValue) EditSpec.setValue("a.yaml", "spec.x", "1", "2").toEdit()).document())
                .isEqualTo(DocumentSelector.index(2));
        assertThat(((ManifestEdit.SetValue) EditSpec.setValue("a.yaml", "spec.x", "1", "InferenceService/churn")
                .toEdit()).document()).isEqualTo(DocumentSelector.kindAndName("InferenceService", "churn"));
    }

    @Test
    void shouldNameTheBlockWhenAnInputIsWrong() {
        assertThatThrownBy(() -> EditSpec.setImage("k.yaml", "img", null, "v1", "sha256:abc").toEdit())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("setImage(file: 'k.yaml'): A set-image edit of img sets a tag or a digest, not both");
        assertThatThrownBy(() -> EditSpec.setImage(" ", "img", null, "v1", null).toEdit())
                .hasMessage("setImage needs a file: the manifest in the GitOps repository.");
        assertThatThrownBy(() -> EditSpec.setValue("a.yaml", "spec.x", null, null).toEdit())
                .hasMessage("setValue(file: 'a.yaml') needs path and value.");
        assertThatThrownBy(() -> EditSpec.setValue("a.yaml", "spec.x", "1", "first").toEdit())
                .hasMessage("setValue(file: 'a.yaml'): document must be a 0-based index or Kind/name, got 'first'");
    }
}
