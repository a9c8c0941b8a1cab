package io.mlgitops.gitops.git;

import io.mlgitops.gitops.CommitMessage;
import io.mlgitops.gitops.TreeChange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The concurrent writers of the concurrency tests: writers 0 to 7 each set the image of their own application file,
 * writers 8 and up each set their own key of one shared file, like promotions of different models into one
 * environment.
 */
final class Writers {
    static final String SHARED = "environments/prod/models.yaml";
    static final int OWN_FILES = 8;

    private Writers() {
    }

    /** The files before any writer ran. */
    static Map<String, String> initialFiles(final int writers) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder shared = new StringBuilder();
        for (int writer = 0; writer < writers; writer++) {
            if (writer < OWN_FILES) {
                files.put(appFile(writer), "image: v0\n");
            }
            else {
                shared.append("model-").append(writer).append(": v0\n");
            }
        }
        files.put(SHARED, shared.toString());
        return files;
    }

    static TreeChange change(final int writer) {
        return writer < OWN_FILES
                ? new SetValue(appFile(writer), "image", "v0", value(writer))
                : new SetValue(SHARED, "model-" + writer, "v0", value(writer));
    }

    static CommitMessage message(final int writer) {
        return new CommitMessage("Promote writer " + writer, Map.of("Promotion-Id", promotionId(writer)),
                "Writer " + writer, "writer" + writer + "@example.com");
    }

    static String appFile(final int writer) {
        return "apps/app-" + writer + "/values.yaml";
    }

    static String value(final int writer) {
        return "v1-writer-" + writer;
    }

    static String promotionId(final int writer) {
        return "promotion-" + writer;
    }
}
