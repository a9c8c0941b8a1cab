package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Request;
import io.mlgitops.testing.LocalHttpServer.Response;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for GitLab's REST API v4, since no real GitLab is reachable from the build: an in-process JDK HTTP
 * server that implements the documented shapes of the calls the client makes, with state. The project is addressed
 * by its URL-encoded path ({@code acme%2Fplatform%2Fml-manifests}) or its id ({@code 42}). {@code POST
 * /api/v4/projects/:id/merge_requests} answers 201 with the merge request, or 409 with {@code message: ["Another open
 * merge request already exists for this source branch: !N"]}; {@code GET ...?source_branch=&state=opened} lists them;
 * {@code PUT .../merge_requests/:iid} with {@code add_labels} adds labels. A wrong {@code PRIVATE-TOKEN} gets
 * 401 "401 Unauthorized", an unknown project 404 "404 Project Not Found", and server errors (500) can be queued.
 */
final class FakeGitLab implements AutoCloseable {
    static final String TOKEN = "glpat-secret-token";
    static final String PROJECT = "acme/platform/ml-manifests";
    static final String PROJECT_ID = "42";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MERGE_REQUESTS =
            Pattern.compile("/api/v4/projects/([^/]+)/merge_requests(?:/(\\d+))?");

    /** An open merge request as the fake keeps it. */
    record MergeRequest(int iid, String source, String target, String title, String description, Set<String> labels) {
    }

    private final LocalHttpServer server = LocalHttpServer.start();
    private final List<MergeRequest> mergeRequests = new ArrayList<>();

    FakeGitLab() {
        server.on("/api/v4/", this::answer);
    }

    URI baseUrl() {
        return server.uri("");
    }

    List<Request> requests() {
        return server.requests();
    }

    synchronized List<MergeRequest> mergeRequests() {
        return List.copyOf(mergeRequests);
    }

    /** The next {@code count} calls answer 500. */
    void failNext(final int count) {
        server.failNext(count, Response.json(500, "{\"message\": \"500 Internal Server Error\"}"));
    }

    private synchronized Response answer(final Request request) throws IOException {
        if (!TOKEN.equals(request.header("PRIVATE-TOKEN"))) {
            return Response.json(401, "{\"message\": \"401 Unauthorized\"}");
        }
        Matcher path = MERGE_REQUESTS.matcher(request.pathAndQuery().replaceFirst("\\?.*", ""));
        if (!path.matches() || !path.group(1).equals(PROJECT.replace("/", "%2F")) && !path.group(1).equals(
                PROJECT_ID)) {
            return Response.json(404, "{\"message\": \"404 Project Not Found\"}");
        }
        if (path.group(2) != null && "PUT".equals(request.method())) {
            return addLabels(Integer.parseInt(path.group(2)), JSON.readTree(request.body()));
        }
        if ("POST".equals(request.method())) {
            return create(JSON.readTree(request.body()));
        }
        if ("GET".equals(request.method())) {
            return list(FakeGitHub.query(request.pathAndQuery()));
        }
        return Response.json(405, "{\"message\": \"405 Method Not Allowed\"}");
    }

    private Response create(final JsonNode body) {
        String source = body.path("source_branch").asText("");
        if (source.isEmpty() || body.path("target_branch").asText("").isEmpty()
                || body.path("title").asText("").isEmpty()) {
            return Response.json(400, "{\"message\": {\"source_branch\": [\"can't be blank\"]}}");
        }
        for (MergeRequest open : mergeRequests) {
            if (open.source().equals(source)) {
                return Response.json(409, "{\"message\": [\"Another open merge request already exists for this "
                        + "source branch: !" + open.iid() + "\"]}");
            }
        }
        MergeRequest created = new MergeRequest(mergeRequests.size() + 1, source, body.get("target_branch").asText(),
                body.get("title").asText(), body.path("description").asText(""),
                new LinkedHashSet<>(labels(body.path("labels").asText(""))));
        mergeRequests.add(created);
        return Response.json(201, json(created));
    }

    private Response list(final Map<String, String> query) {
        String source = query.getOrDefault("source_branch", "");
        List<String> found = mergeRequests.stream().filter(open -> source.isEmpty() || open.source().equals(source))
                .map(FakeGitLab::json).toList();
        return Response.json(200, "[" + String.join(", ", found) + "]");
    }

    private Response addLabels(final int iid, final JsonNode body) {
        if (iid < 1 || iid > mergeRequests.size()) {
            return Response.json(404, "{\"message\": \"404 Not found\"}");
        }
        mergeRequests.get(iid - 1).labels().addAll(labels(body.path("add_labels").asText("")));
        return Response.json(200, json(mergeRequests.get(iid - 1)));
    }

    private static List<String> labels(final String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }

    private static String json(final MergeRequest open) {
        return String.format("{\"id\": %d, \"iid\": %d, \"project_id\": %s, \"state\": \"opened\", \"web_url\": "
                + "\"https://gitlab.com/%s/-/merge_requests/%d\", \"source_branch\": \"%s\", \"target_branch\": "
                + "\"%s\"}", 1000 + open.iid(), open.iid(), PROJECT_ID, PROJECT, open.iid(), open.source(),
                open.target());
    }

    @Override
    public void close() {
        server.close();
    }
}
