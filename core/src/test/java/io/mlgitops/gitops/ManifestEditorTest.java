package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.mlgitops.gitops.Fixtures.bytes;
import static io.mlgitops.gitops.Fixtures.expected;
import static io.mlgitops.gitops.Fixtures.manifest;
import static io.mlgitops.gitops.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ManifestEditorTest {
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String VALUES = "values.yaml";
    private static final String DIGEST = "sha256:0f2e8b6c4a1d3e5f7a9b0c2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f";

    @Test
    void shouldSetTheTagOfAnImageAndKeepEveryOtherByte() throws InputException {
        EditedFile edited = apply(KUSTOMIZATION, "churn-model=registry.example.com/ml/churn-model:1.5");

        assertThat(text(edited.content())).isEqualTo(expected("kustomization.set-tag.yaml"));
        assertThat(edited.edits()).containsExactly(
                new AppliedEdit(KUSTOMIZATION, "images[churn-model].newName", "registry.example.com/ml/churn-model",
                        "registry.example.com/ml/churn-model", "registry.example.com/ml/churn-model"),
                new AppliedEdit(KUSTOMIZATION, "images[churn-model].newTag", "1.4", "1.5", "\"1.4\""));
        assertThat(edited.changed()).isTrue();
    }

    @Test
    void shouldReplaceATagByADigestInPlace() throws InputException {
        EditedFile edited = apply(KUSTOMIZATION, "churn-model@" + DIGEST);

        assertThat(text(edited.content())).isEqualTo(expected("kustomization.set-digest.yaml"));
        assertThat(edited.edits()).extracting(AppliedEdit::path, AppliedEdit::before, AppliedEdit::after)
                .containsExactly(tuple("images[churn-model].newTag", "1.4", null),
                        tuple("images[churn-model].digest", null, DIGEST));
    }

    @Test
    void shouldReplaceADigestByATagAndQuoteANumericTag() throws InputException {
        EditedFile edited = apply(KUSTOMIZATION, "envoyproxy/envoy:1.30");

        assertThat(text(edited.content())).isEqualTo(expected("kustomization.tag-replaces-digest.yaml"));
    }

    @Test
    void shouldAddAMissingEntryWithTheListsIndentation() throws InputException {
        EditedFile edited = apply(KUSTOMIZATION, "drift-detector=registry.example.com/ml/drift:0.9.1");

        assertThat(text(edited.content())).isEqualTo(expected("kustomization.add-entry.yaml"));
        assertThat(edited.edits()).containsExactly(
                new AppliedEdit(KUSTOMIZATION, "images[drift-detector]", null, "registry.example.com/ml/drift:0.9.1"),
                new AppliedEdit(KUSTOMIZATION, "images[drift-detector].newName", null, "registry.example.com/ml/drift"),
                new AppliedEdit(KUSTOMIZATION, "images[drift-detector].newTag", null, "0.9.1"));
    }

    @Test
    void shouldRemoveNewNameWhenTheImageKeepsItsOwnName() throws InputException {
        EditedFile edited = apply(KUSTOMIZATION, "churn-model=churn-model:true");

        assertThat(text(edited.content())).isEqualTo(expected("kustomization.same-name.yaml"));
    }

    @Test
    void shouldAddAnImagesListInTheFilesListStyle() throws InputException {
        EditedFile edited = apply("kustomization-no-images.yaml",
                "churn-model=registry.example.com/ml/churn-model:1.5");

        assertThat(text(edited.content())).isEqualTo(expected("kustomization-no-images.add-images.yaml"));
    }

    @Test
    void shouldWriteNothingAndReportTheValueWhenTheImageAlreadyHasIt() throws InputException {
        byte[] original = manifest(KUSTOMIZATION);

        EditedFile edited = ManifestEditor.apply(KUSTOMIZATION, original,
                List.of(ManifestEdits.parseSetImage(KUSTOMIZATION + ":feature-proxy:v2.3.1")));

        assertThat(edited.content()).isEqualTo(original);
        assertThat(edited.changed()).isFalse();
        assertThat(edited.edits()).containsExactly(
                new AppliedEdit(KUSTOMIZATION, "images[feature-proxy].newTag", "v2.3.1", "v2.3.1", "v2.3.1"));
    }

    @Test
    void shouldEditFlowStyleInsideTheBrackets() throws InputException {
        String file = "kustomization-flow.yaml";

        EditedFile edited = ManifestEditor.apply(file, manifest(file), List.of(
                ManifestEdits.parseSetImage(file + ":churn-model=:1.5"),
                ManifestEdits.parseSetImage(file + ":feature-proxy@" + DIGEST),
                ManifestEdits.parseSetImage(file + ":drift-detector:2024.1"),
                ManifestEdits.parseSet(file + ":commonLabels.tier=silver")));

        assertThat(text(edited.content())).isEqualTo(expected("kustomization-flow.edited.yaml"));
    }

    @Test
    void shouldKeepCarriageReturnsIncludingOnAddedLines() throws InputException {
        String file = "kustomization-crlf.yaml";

        EditedFile edited = ManifestEditor.apply(file, manifest(file), List.of(
                ManifestEdits.parseSetImage(file + ":churn-model=registry.example.com/ml/churn-model:1.5"),
                ManifestEdits.parseSetImage(file + ":drift-detector:0.9")));

        assertThat(text(edited.content())).isEqualTo(expected("kustomization-crlf.edited.yaml"))
                .contains("  - name: drift-detector\r\n    newTag: \"0.9\"\r\n");
    }

    @Test
    void shouldKeepAByteOrderMarkAndAMissingFinalLineBreak() throws InputException {
        String original = "\uFEFFkind: Kustomization\r\nimages:\r\n- name: churn-model\r\n  newTag: \"1.4\"";

        EditedFile edited = ManifestEditor.apply("k.yaml", bytes(original), List.of(
                ManifestEdits.parseSetImage("k.yaml:churn-model=reg.example.com/churn-model:1.5"),
                ManifestEdits.parseSetImage("k.yaml:drift:2")));

        assertThat(text(edited.content())).isEqualTo("\uFEFFkind: Kustomization\r\nimages:\r\n- name: churn-model\r\n"
                + "  newName: reg.example.com/churn-model\r\n  newTag: \"1.5\"\r\n- name: drift\r\n  newTag: \"2\"");
        assertThat(ManifestEditor.restore("k.yaml", edited.content(), edited.edits()).content())
                .isEqualTo(bytes(original));
    }

    @Test
    void shouldSetHelmValuesKeepingQuotesCommentsAndAnchors() throws InputException {
        EditedFile edited = ManifestEditor.apply(VALUES, manifest(VALUES), List.of(
                ManifestEdits.parseSet(VALUES + ":model.version=8"),
                ManifestEdits.parseSet(VALUES + ":model.storageUri=s3://models/churn/8"),
                ManifestEdits.parseSet(VALUES + ":model.stage=Production"),
                ManifestEdits.parseSet(VALUES + ":server.image.tag=1.1.0"),
                ManifestEdits.parseSet(VALUES + ":server.env[MODEL_NAME].value=churn-v2"),
                ManifestEdits.parseSet(VALUES + ":server.args[1]=9090"),
                ManifestEdits.parseSet(VALUES + ":global.registry=mirror.example.com"),
                ManifestEdits.parseSet(VALUES + ":notes=Promoted by mlgitops: churn 8.\nDo not edit by hand.\n")));

        assertThat(text(edited.content())).isEqualTo(expected("values.promoted.yaml"));
        assertThat(edited.edits()).hasSize(8).allMatch(AppliedEdit::changed);
        assertThat(edited.edits().get(0)).isEqualTo(new AppliedEdit(VALUES, "model.version", "7", "8", "7"));
    }

    @Test
    void shouldSetAKServeStorageUriAndAnAnnotationWithADotInItsKey() throws InputException {
        String file = "inferenceservice.yaml";

        EditedFile edited = ManifestEditor.apply(file, manifest(file), List.of(
                ManifestEdits.parseSet(file + ":spec.predictor.model.storageUri=s3://models/churn/8"),
                ManifestEdits.parseSet(file + ":metadata.annotations.mlgitops\\.io/model-version=8"),
                ManifestEdits.parseSet(file + ":spec.predictor.canaryTrafficPercent=25")));

        assertThat(text(edited.content())).isEqualTo(expected("inferenceservice.promoted.yaml"));
        assertThat(edited.edits()).extracting(AppliedEdit::path).containsExactly("spec.predictor.model.storageUri",
                "metadata.annotations.mlgitops\\.io/model-version", "spec.predictor.canaryTrafficPercent");
    }

    @Test
    void shouldPickDocumentsByKindAndNameOrIndexAndNameThemInLocations() throws InputException {
        String file = "deployment-service.yaml";

        EditedFile edited = ManifestEditor.apply(file, manifest(file), List.of(
                ManifestEdits.parseSet(file + ":Deployment/churn:spec.template.spec.containers[server].image="
                        + "registry.example.com/ml/churn-server:1.1.0"),
                ManifestEdits.parseSet(file + "#0:spec.template.spec.containers[0].env[MODEL_VERSION].value=8"),
                ManifestEdits.parseSet(file + "#1:spec.ports[0].targetPort=9090")));

        assertThat(text(edited.content())).isEqualTo(expected("deployment-service.promoted.yaml"));
        assertThat(edited.edits()).extracting(AppliedEdit::path).containsExactly(
                "Deployment/churn:spec.template.spec.containers[server].image",
                "Deployment/churn:spec.template.spec.containers[0].env[MODEL_VERSION].value",
                "Service/churn:spec.ports[0].targetPort");
    }

    @Test
    void shouldQuoteAPlainValueOnlyWhenItWouldReadAsAnotherType() throws InputException {
        String original = "replicas: 3\nversion: v1\nenabled: true\nname: churn\nempty:\nnothing: ~\n";

        String edited = setAll(original, "replicas=4", "version=2", "enabled=false", "name=yes", "empty=churn",
                "nothing=1.0");

        assertThat(edited).isEqualTo(
                "replicas: 4\nversion: \"2\"\nenabled: false\nname: \"yes\"\nempty: churn\nnothing: \"1.0\"\n");
    }

    @Test
    void shouldEscapeInsideQuotesAndLeavePlainWhatIsUnsafe() throws InputException {
        String original = "a: 'x'\nb: \"y\"\nc: plain\nd: plain\ne: [one, two]\n";

        String edited = setAll(original, "a=it's", "b=say \"hi\"\\ \u00e9\t!", "c=key: value # not a comment",
                "d=line one\nline two", "e[1]=a, b");

        assertThat(edited).isEqualTo("a: 'it''s'\nb: \"say \\\"hi\\\"\\\\ \u00e9\\t!\"\n"
                + "c: \"key: value # not a comment\"\nd: \"line one\\nline two\"\ne: [one, \"a, b\"]\n");
    }

    @Test
    void shouldRewriteALiteralBlockScalarKeepingItsIndentationAndChoosingTheChomping() throws InputException {
        String original = "config: |\n    first\n    second\n\nnext: 1\n";

        EditedFile edited = ManifestEditor.apply("v.yaml", bytes(original),
                List.of(ManifestEdits.parseSet("v.yaml:config=only line")));

        assertThat(text(edited.content())).isEqualTo("config: |-\n    only line\n\nnext: 1\n");
        assertThat(ManifestEditor.restore("v.yaml", edited.content(), edited.edits()).content())
                .isEqualTo(bytes(original));
    }

    @Test
    void shouldKeepDocumentMarkersAndEmptyDocumentsOutOfTheCount() throws InputException {
        String original = "---\nkind: ConfigMap\nmetadata:\n  name: model\ndata:\n  version: \"7\"\n...\n---\n";

        EditedFile edited = ManifestEditor.apply("cm.yaml", bytes(original),
                List.of(ManifestEdits.parseSet("cm.yaml:data.version=8")));

        assertThat(text(edited.content()))
                .isEqualTo("---\nkind: ConfigMap\nmetadata:\n  name: model\ndata:\n  version: \"8\"\n...\n---\n");
        assertThat(edited.edits()).extracting(AppliedEdit::path).containsExactly("data.version");
    }

    @Test
    void shouldEditTheAnchoredValueItselfSoThatEveryAliasFollows() throws InputException {
        EditedFile edited = ManifestEditor.apply(VALUES, manifest(VALUES),
                List.of(ManifestEdits.parseSet(VALUES + ":global.labels.tier=silver")));

        assertThat(text(edited.content())).isEqualTo(text(manifest(VALUES)).replace("tier: \"gold\"",
                "tier: \"silver\""));
    }

    /** Applies {@code PATH=VALUE} edits to a file's text and returns the new text. */
    private static String setAll(final String original, final String... pathsAndValues) throws InputException {
        List<ManifestEdit> edits = new ArrayList<>();
        for (String pathAndValue : pathsAndValues) {
            edits.add(ManifestEdits.parseSet("v.yaml:" + pathAndValue));
        }
        return text(ManifestEditor.apply("v.yaml", bytes(original), edits).content());
    }

    private static EditedFile apply(final String file, final String image) throws InputException {
        return ManifestEditor.apply(file, manifest(file), List.of(ManifestEdits.parseSetImage(file + ":" + image)));
    }
}
