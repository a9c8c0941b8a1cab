package io.mlgitops.canary;

import io.mlgitops.gitops.DocumentSelector;
import io.mlgitops.gitops.ManifestEdit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text form of a weight field, as {@code --weight-field} and the step's {@code weightFields} give it. */
class WeightFieldTest {
    @Test
    void shouldReadTheFileTheDocumentThePathAndTheVariant() {
        WeightField canary = WeightField.parse(
                "routes/vs.yaml:VirtualService/churn:spec.http[0].route[1].weight=canary");
        WeightField stable = WeightField.parse("routes/vs.yaml#1:spec.http[0].route[0].weight=Stable");

        assertThat(canary).isEqualTo(new WeightField("routes/vs.yaml", DocumentSelector.kindAndName("VirtualService",
                "churn"), "spec.http[0].route[1].weight", Variant.CANARY));
        assertThat(stable.document()).isEqualTo(DocumentSelector.index(1));
        assertThat(stable.variant()).isEqualTo(Variant.STABLE);
        assertThat(stable.edit(5)).isEqualTo(new ManifestEdit.SetValue("routes/vs.yaml", DocumentSelector.index(1),
                "spec.http[0].route[0].weight", "95"));
    }

    @Test
    void shouldRefuseAnotherValueOrAMalformedField() {
        assertThatThrownBy(() -> WeightField.parse("vs.yaml:spec.weight=50")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("a weight field must end in =canary or =stable, got "
                + "'vs.yaml:spec.weight=50'");
        assertThatThrownBy(() -> WeightField.parse("spec.weight=canary")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("FILE:");
    }
}
