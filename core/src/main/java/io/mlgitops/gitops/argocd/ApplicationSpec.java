package io.mlgitops.gitops.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.gitops.IgnoredDifference;

import java.util.ArrayList;
import java.util.List;

import static io.mlgitops.gitops.argocd.JsonFields.text;
import static io.mlgitops.gitops.argocd.JsonFields.texts;

/** Reads parts of an Argo CD {@code Application}'s {@code spec}. */
final class ApplicationSpec {
    private ApplicationSpec() {
    }

    /** The entries of {@code spec.ignoreDifferences}, in order. */
    static List<IgnoredDifference> ignoredDifferences(final JsonNode application) {
        List<IgnoredDifference> entries = new ArrayList<>();
        for (JsonNode entry : application.path("spec").path("ignoreDifferences")) {
            entries.add(new IgnoredDifference(text(entry.path("group")), text(entry.path("kind")),
                    text(entry.path("name")), text(entry.path("namespace")), texts(entry.path("jsonPointers")),
                    texts(entry.path("jqPathExpressions")), texts(entry.path("managedFieldsManagers"))));
        }
        return entries;
    }
}
