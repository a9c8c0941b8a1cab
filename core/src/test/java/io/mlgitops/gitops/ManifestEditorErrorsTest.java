package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mlgitops.gitops.Fixtures.bytes;
import static io.mlgitops.gitops.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestEditorErrorsTest {
    private static final String VALUES = "values.yaml";
    private static final String MULTI = "deployment-service.yaml";

    @Test
    void shouldNameTheFileThePathAndWhatExistsWhenAKeyIsMissing() {
        assertThatThrownBy(() -> set(VALUES, "model.versoin=8"))
                .isInstanceOf(InputException.class)
                .hasMessage("values.yaml: model.versoin cannot be set: model has no key 'versoin' (it is a mapping "
                        + "with keys name, version, stage, storageUri, threshold, enabled). Check the path (keys "
                        + "separated by dots, [N] for list items).");
    }

    @Test
    void shouldRefuseATargetThatIsNotASingleValue() {
        assertThatThrownBy(() -> set(VALUES, "model=8"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("values.yaml: model is a mapping with keys name, version")
                .hasMessageEndingWith("not a single value. Give the path of one of its values.");
        assertThatThrownBy(() -> set(VALUES, "server.env=8"))
                .hasMessageContaining("server.env is a list of 2 items, not a single value");
    }

    @Test
    void shouldRefuseAnIndexOutOfRangeAndAKeyInAList() {
        assertThatThrownBy(() -> set(VALUES, "server.env[2].value=x"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("values.yaml: server.env[2].value cannot be set: the index 2 is out of range: "
                        + "server.env is a list of 2 items");
        assertThatThrownBy(() -> set(VALUES, "server.env.value=x"))
                .hasMessageContaining("server.env is a list of 2 items, not a mapping with the key 'value'");
        assertThatThrownBy(() -> set(VALUES, "server.env[DEBUG].value=x"))
                .hasMessageContaining("server.env has no item named 'DEBUG' (names: MODEL_NAME, LOG_LEVEL)");
    }

    @Test
    void shouldRefuseToEditThroughAnAliasNamingTheAnchor() {
        assertThatThrownBy(() -> set(VALUES, "server.image.registry=mirror.example.com"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("server.image.registry is the alias *registry")
                .hasMessageContaining("Set the anchored value itself (global.registry)");
        assertThatThrownBy(() -> set(VALUES, "server.labels.team=x"))
                .hasMessageContaining("server.labels is the alias *labels")
                .hasMessageContaining("(global.labels)");
    }

    @Test
    void shouldRefuseAKeyThatOnlyAMergeKeyProvides() {
        assertThatThrownBy(() -> set(VALUES, "server.replicas=3"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'replicas' of server comes from the merge key <<: *defaults")
                .hasMessageContaining("(defaults.replicas), or add 'replicas' to server to override it");
    }

    @Test
    void shouldAskWhichDocumentWhenAFileHasSeveral() {
        assertThatThrownBy(() -> set(MULTI, "spec.replicas=4"))
                .isInstanceOf(InputException.class)
                .hasMessage("deployment-service.yaml has 2 documents, so spec.replicas needs to say which: "
                        + "FILE#N:PATH (0-based) or FILE:Kind/name:PATH. Its documents: #0 Deployment/churn, "
                        + "#1 Service/churn.");
    }

    @Test
    void shouldRefuseASelectorThatMatchesNoDocumentOrSeveral() {
        assertThatThrownBy(() -> set(MULTI, "Deployment/other:spec.replicas=4"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("deployment-service.yaml has no document Deployment/other for "
                        + "Deployment/other:spec.replicas");
        assertThatThrownBy(() -> ManifestEditor.apply(MULTI, manifest(MULTI),
                List.of(ManifestEdits.parseSet(MULTI + "#2:spec.replicas=4"))))
                .hasMessageContaining("has 2 documents, so #2 (0-based) does not exist");
        byte[] twins = bytes("kind: A\nmetadata: {name: x}\n---\nkind: A\nmetadata: {name: x}\n");
        assertThatThrownBy(() -> ManifestEditor.apply("t.yaml", twins,
                List.of(ManifestEdits.parseSet("t.yaml:A/x:kind=B"))))
                .hasMessageContaining("t.yaml has 2 documents A/x");
    }

    @Test
    void shouldReportTheLineAndColumnOfInvalidYaml() {
        byte[] broken = bytes("model:\n  version: 7\n  name: [churn\nother: 1\n");

        assertThatThrownBy(() -> ManifestEditor.apply("broken.yaml", broken,
                List.of(ManifestEdits.parseSet("broken.yaml:model.version=8"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("broken.yaml is not valid YAML: ")
                .hasMessageContaining("at line 4, column ");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8() {
        byte[] latin1 = {'a', ':', ' ', (byte) 0xE9, '\n'};

        assertThatThrownBy(() -> ManifestEditor.apply("latin1.yaml", latin1,
                List.of(ManifestEdits.parseSet("latin1.yaml:a=b"))))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("latin1.yaml is not UTF-8");
    }

    @Test
    void shouldRefuseAnImageTagThatIsNotATag() {
        assertThatThrownBy(() -> ManifestEditor.apply("kustomization.yaml", manifest("kustomization.yaml"),
                List.of(new ManifestEdit.SetImage("kustomization.yaml", "churn-model", null, "{{version}}", null))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the tag '{{version}}' for churn-model is not a valid image tag");
    }

    @Test
    void shouldRefuseImagesThatIsNotAList() {
        byte[] odd = bytes("kind: Kustomization\nimages: {churn-model: 1}\n");

        assertThatThrownBy(() -> ManifestEditor.apply("k.yaml", odd,
                List.of(ManifestEdits.parseSetImage("k.yaml:churn-model:2"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("k.yaml: images is a mapping with keys churn-model, not a list");
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertThatThrownBy(() -> ManifestEditor.apply("empty.yaml", bytes("# nothing yet\n"),
                List.of(ManifestEdits.parseSet("empty.yaml:a=b"))))
                .isInstanceOf(InputException.class)
                .hasMessage("empty.yaml has no YAML document, so a cannot be set. Check the file.");
    }

    @Test
    void shouldRefuseADocumentNestedTooDeep() {
        byte[] deep = bytes("a: " + "[".repeat(300) + "]".repeat(300) + "\n");

        assertThatThrownBy(() -> ManifestEditor.apply("deep.yaml", deep,
                List.of(ManifestEdits.parseSet("deep.yaml:a=1"))))
                .isInstanceOf(InputException.class)
                .hasMessage("deep.yaml nests collections more than 200 deep (line 1). Check the file.");
    }

    @Test
    void shouldSearchEachMergedMappingOnce() {
        StringBuilder merges = new StringBuilder("m0: &m0 {a: 1}\n");
        for (int level = 1; level <= 40; level++) {
            merges.append("m").append(level).append(": &m").append(level).append(" {<<: [*m").append(level - 1)
                    .append(", *m").append(level - 1).append("]}\n");
        }
        merges.append("target: {<<: *m40}\n");

        assertThatThrownBy(() -> ManifestEditor.apply("m.yaml", bytes(merges.toString()),
                List.of(ManifestEdits.parseSet("m.yaml:target.b=1"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("target has no key 'b'");
    }

    private static EditedFile set(final String file, final String pathAndValue) throws InputException {
        return ManifestEditor.apply(file, manifest(file), List.of(ManifestEdits.parseSet(file + ":" + pathAndValue)));
    }
}
