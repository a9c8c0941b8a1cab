package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mlgitops.gitops.Fixtures.bytes;
import static io.mlgitops.gitops.Fixtures.manifest;
import static io.mlgitops.gitops.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestEditorRestoreTest {
    private static final String KUSTOMIZATION = "kustomization.yaml";

    @Test
    void shouldRemoveAnAddedEntryEntirely() throws InputException {
        byte[] original = manifest(KUSTOMIZATION);
        EditedFile promoted = image(KUSTOMIZATION, original, "drift-detector=registry.example.com/ml/drift:0.9.1");

        EditedFile restored = ManifestEditor.restore(KUSTOMIZATION, promoted.content(), promoted.edits());

        assertThat(restored.content()).isEqualTo(original);
        assertThat(restored.edits()).containsExactly(new AppliedEdit(KUSTOMIZATION, "images[drift-detector]",
                "registry.example.com/ml/drift:0.9.1", null));
    }

    @Test
    void shouldRemoveAnImagesListThatOnlyThePromotionsEntryWasIn() throws InputException {
        String file = "kustomization-no-images.yaml";
        byte[] original = manifest(file);
        EditedFile promoted = image(file, original, "churn-model:1.5");

        assertThat(ManifestEditor.restore(file, promoted.content(), promoted.edits()).content()).isEqualTo(original);
    }

    @Test
    void shouldPutBackTheTagItsSpellingAndANewNameThePromotionRemoved() throws InputException {
        byte[] original = manifest(KUSTOMIZATION);
        EditedFile promoted = image(KUSTOMIZATION, original, "churn-model=churn-model@"
                + "sha256:0f2e8b6c4a1d3e5f7a9b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f");

        EditedFile restored = ManifestEditor.restore(KUSTOMIZATION, promoted.content(), promoted.edits());

        assertThat(text(restored.content())).isEqualTo(text(original));
    }

    @Test
    void shouldKeepWhatOthersChangedSinceThePromotion() throws InputException {
        byte[] original = manifest(KUSTOMIZATION);
        EditedFile promoted = image(KUSTOMIZATION, original, "churn-model:1.5");
        EditedFile someoneElse = image(KUSTOMIZATION, promoted.content(), "feature-proxy:v2.4.0");

        EditedFile restored = ManifestEditor.restore(KUSTOMIZATION, someoneElse.content(), promoted.edits());

        assertThat(text(restored.content())).isEqualTo(text(original).replace("v2.3.1", "v2.4.0"));
    }

    @Test
    void shouldWriteTheOldValueInTheCurrentStyleWhenTheLocationChangedSince() throws InputException {
        byte[] original = bytes("model:\n  version: v1\n");
        EditedFile promoted = ManifestEditor.apply("v.yaml", original,
                List.of(ManifestEdits.parseSet("v.yaml:model.version=2")));
        assertThat(text(promoted.content())).isEqualTo("model:\n  version: \"2\"\n");
        byte[] handEdited = bytes("model:\n  version: '3'\n");

        EditedFile restored = ManifestEditor.restore("v.yaml", handEdited, promoted.edits());

        assertThat(text(restored.content())).isEqualTo("model:\n  version: 'v1'\n");
        assertThat(restored.edits()).containsExactly(new AppliedEdit("v.yaml", "model.version", "3", "v1", "'3'"));
    }

    @Test
    void shouldPutBackTheOriginalSpellingOnlyWhenItIsRecorded() throws InputException {
        byte[] original = bytes("model:\n  version: v1\n");
        EditedFile promoted = ManifestEditor.apply("v.yaml", original,
                List.of(ManifestEdits.parseSet("v.yaml:model.version=2")));
        List<AppliedEdit> withoutSpelling = List.of(new AppliedEdit("v.yaml", "model.version", "v1", "2"));

        assertThat(ManifestEditor.restore("v.yaml", promoted.content(), promoted.edits()).content())
                .isEqualTo(original);
        assertThat(text(ManifestEditor.restore("v.yaml", promoted.content(), withoutSpelling).content()))
                .isEqualTo("model:\n  version: \"v1\"\n");
    }

    @Test
    void shouldChangeNothingWhenRestoredTwice() throws InputException {
        byte[] original = manifest("values.yaml");
        EditedFile promoted = ManifestEditor.apply("values.yaml", original, List.of(
                ManifestEdits.parseSet("values.yaml:model.version=8"),
                ManifestEdits.parseSet("values.yaml:notes=short")));
        byte[] once = ManifestEditor.restore("values.yaml", promoted.content(), promoted.edits()).content();

        EditedFile twice = ManifestEditor.restore("values.yaml", once, promoted.edits());

        assertThat(once).isEqualTo(original);
        assertThat(twice.content()).isEqualTo(original);
        assertThat(twice.changed()).isFalse();
    }

    @Test
    void shouldRestoreEditsOfSeveralDocuments() throws InputException {
        String file = "deployment-service.yaml";
        byte[] original = manifest(file);
        EditedFile promoted = ManifestEditor.apply(file, original, List.of(
                ManifestEdits.parseSet(file + ":Deployment/churn:spec.replicas=5"),
                ManifestEdits.parseSet(file + "#1:metadata.name=churn-v2")));

        assertThat(ManifestEditor.restore(file, promoted.content(), promoted.edits()).content()).isEqualTo(original);
    }

    @Test
    void shouldRefuseToRestoreFieldsOfAnEntrySomeoneRemoved() throws InputException {
        EditedFile promoted = image(KUSTOMIZATION, manifest(KUSTOMIZATION), "feature-proxy:v3");
        byte[] removed = bytes(text(promoted.content()).replace("- name: feature-proxy\n  newTag: v3\n", ""));

        assertThatThrownBy(() -> ManifestEditor.restore(KUSTOMIZATION, removed, promoted.edits()))
                .isInstanceOf(InputException.class)
                .hasMessage("kustomization.yaml: images[feature-proxy] no longer exists, so its earlier values cannot "
                        + "be put back. Restore it by hand.");
    }

    private static EditedFile image(final String file, final byte[] content, final String image)
            throws InputException {
        return ManifestEditor.apply(file, content, List.of(ManifestEdits.parseSetImage(file + ":" + image)));
    }
}
