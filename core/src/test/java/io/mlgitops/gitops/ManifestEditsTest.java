package io.mlgitops.gitops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestEditsTest {
    private static final String DIGEST = "sha256:4d8f3a1ce2c2f3b6d9e4a8c7b1f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d";

    @Test
    void shouldReadEveryFormOfKustomizeSetImage() {
        assertThat(ManifestEdits.parseSetImage("apps/churn/kustomization.yaml:churn=reg.example.com/churn:1.5"))
                .isEqualTo(new ManifestEdit.SetImage("apps/churn/kustomization.yaml", "churn", "reg.example.com/churn",
                        "1.5", null));
        assertThat(ManifestEdits.parseSetImage("k.yaml:churn=reg.example.com/churn@" + DIGEST))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "churn", "reg.example.com/churn", null, DIGEST));
        assertThat(ManifestEdits.parseSetImage("k.yaml:churn=:{{version}}"))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "churn", null, "{{version}}", null));
        assertThat(ManifestEdits.parseSetImage("k.yaml:churn:1.5"))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "churn", null, "1.5", null));
        assertThat(ManifestEdits.parseSetImage("k.yaml:churn@" + DIGEST))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "churn", null, null, DIGEST));
        assertThat(ManifestEdits.parseSetImage("k.yaml:churn=mirror.example.com/churn"))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "churn", "mirror.example.com/churn", null, null));
    }

    @Test
    void shouldTellARegistryPortFromATag() {
        assertThat(ManifestEdits.parseSetImage("k.yaml:localhost:5000/churn:2"))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "localhost:5000/churn", null, "2", null));
        assertThat(ManifestEdits.parseSetImage("k.yaml:churn=localhost:5000/churn"))
                .isEqualTo(new ManifestEdit.SetImage("k.yaml", "churn", "localhost:5000/churn", null, null));
    }

    @Test
    void shouldShowTheAcceptedFormsForAMalformedSetImage() {
        for (String spec : new String[] {"k.yaml", "k.yaml:", "k.yaml:churn", "k.yaml:churn=", "k.yaml:=x:1",
                "k.yaml:churn:1@" + DIGEST}) {
            assertThatThrownBy(() -> ManifestEdits.parseSetImage(spec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Malformed --set-image '" + spec + "'")
                    .hasMessageContaining("FILE:IMAGE=NEWIMAGE:TAG, FILE:IMAGE=NEWIMAGE@sha256:DIGEST, "
                            + "FILE:IMAGE=:TAG or FILE:IMAGE:TAG (tag only)");
        }
    }

    @Test
    void shouldReadSetWithAnOptionalDocument() {
        assertThat(ManifestEdits.parseSet("values.yaml:model.version={{version}}"))
                .isEqualTo(new ManifestEdit.SetValue("values.yaml", DocumentSelector.ONLY, "model.version",
                        "{{version}}"));
        assertThat(ManifestEdits.parseSet("all.yaml#1:spec.ports[0].port=8080"))
                .isEqualTo(new ManifestEdit.SetValue("all.yaml", DocumentSelector.index(1), "spec.ports[0].port",
                        "8080"));
        assertThat(ManifestEdits.parseSet("all.yaml:Deployment/churn:spec.template.spec.containers[0].image=a=b:c"))
                .isEqualTo(new ManifestEdit.SetValue("all.yaml", DocumentSelector.kindAndName("Deployment", "churn"),
                        "spec.template.spec.containers[0].image", "a=b:c"));
        assertThat(ManifestEdits.parseSet("v.yaml:labels.a\\=b=c"))
                .isEqualTo(new ManifestEdit.SetValue("v.yaml", DocumentSelector.ONLY, "labels.a=b", "c"));
        assertThat(ManifestEdits.parseSet("v.yaml:annotations.example\\.com/team=ml").path())
                .isEqualTo("annotations.example\\.com/team");
    }

    @Test
    void shouldShowTheAcceptedFormsForAMalformedSet() {
        for (String spec : new String[] {"values.yaml", "values.yaml:model.version", "x#1:Deployment/a:b=1"}) {
            assertThatThrownBy(() -> ManifestEdits.parseSet(spec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Malformed --set '" + spec + "'")
                    .hasMessageContaining("FILE:PATH=VALUE, FILE#N:PATH=VALUE (document N, 0-based) or "
                            + "FILE:Kind/name:PATH=VALUE");
        }
        assertThatThrownBy(() -> ManifestEdits.parseSet("v.yaml:a..b=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Malformed --set 'v.yaml:a..b=1': Malformed path 'a..b': it has an empty key");
    }
}
