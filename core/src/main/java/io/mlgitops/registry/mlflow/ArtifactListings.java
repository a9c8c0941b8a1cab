package io.mlgitops.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MLflow's artifact listings ({@code {"files": [{"path", "is_dir", "file_size"}], "next_page_token"}}),
 * following page tokens.
 */
final class ArtifactListings {
    private static final int MAX_PAGES = 1000;

    private ArtifactListings() {
    }

    /**
     * @param api   the server
     * @param path  the listing endpoint
     * @param query its parameters, without a page token
     * @param what  what is listed, for messages
     */
    static List<ArtifactEntry> list(final MlflowApi api, final String path, final Map<String, String> query,
            final String what) throws InputException {
        List<ArtifactEntry> entries = new ArrayList<>();
        String pageToken = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> parameters = new LinkedHashMap<>(query);
            if (!pageToken.isEmpty()) {
                parameters.put("page_token", pageToken);
            }
            MlflowReply reply = api.get(path, parameters);
            if (!reply.ok()) {
                throw api.failure(reply, "the listing of " + what);
            }
            JsonNode answer = api.requireJson(reply);
            for (JsonNode file : answer.path("files")) {
                entries.add(new ArtifactEntry(file.path("path").asText(""), file.path("is_dir").asBoolean(false),
                        file.path("file_size").asLong(-1)));
            }
            pageToken = answer.path("next_page_token").asText("");
            if (pageToken.isEmpty()) {
                return entries;
            }
        }
        throw new InputException(String.format("MLflow server %s sent more than %d pages listing %s.", api.server(),
                MAX_PAGES, what));
    }
}
