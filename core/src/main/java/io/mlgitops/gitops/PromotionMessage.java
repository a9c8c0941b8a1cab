package io.mlgitops.gitops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The body lines of a promotion commit that record its edits, one {@code Edit: {json}} line each, so that the git
 * history alone is enough to undo a promotion ({@code mlgitops rollback --to-previous}).
 */
final class PromotionMessage {
    static final String EDIT_PREFIX = "Edit: ";
    static final String MODEL = "ML-Model";
    static final String VERSION = "ML-Version";
    static final String ENVIRONMENT = "ML-Environment";
    static final String ALIAS = "ML-Alias";
    static final String PREVIOUS_VERSION = "ML-Previous-Version";
    static final String PROMOTION_ID = "Promotion-Id";
    static final String ROLLBACK_OF = "Rollback-Of";
    static final String BUILD_URL = "Build-Url";
    static final String REPORT_DIGEST = "Report-Digest";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PromotionMessage() {
    }

    /** The subject, then one line per changed location. */
    static String text(final String subject, final List<AppliedEdit> edits) {
        StringBuilder text = new StringBuilder(subject.strip());
        List<AppliedEdit> changed = edits.stream().filter(AppliedEdit::changed).toList();
        if (!changed.isEmpty()) {
            text.append("\n\n");
            for (AppliedEdit edit : changed) {
                text.append(EDIT_PREFIX).append(json(edit)).append('\n');
            }
        }
        return text.toString();
    }

    private static String json(final AppliedEdit edit) {
        try {
            return JSON.writeValueAsString(edit);
        }
        catch (JsonProcessingException impossible) {
            throw new IllegalStateException("An edit could not be written as JSON", impossible);
        }
    }

    private static String textOrNull(final JsonNode node, final String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** The edits recorded in a commit message; lines that are not edits are ignored. */
    static List<AppliedEdit> edits(final String message) {
        List<AppliedEdit> edits = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (line.startsWith(EDIT_PREFIX)) {
                try {
                    JsonNode edit = JSON.readTree(line.substring(EDIT_PREFIX.length()));
                    edits.add(new AppliedEdit(edit.path("file").asText(), edit.path("path").asText(),
                            textOrNull(edit, "before"), textOrNull(edit, "after"), textOrNull(edit, "beforeSource")));
                }
                catch (JsonProcessingException notAnEdit) {
                    // a line that happens to start like an edit but is not one: not ours
                }
            }
        }
        return edits;
    }
}
