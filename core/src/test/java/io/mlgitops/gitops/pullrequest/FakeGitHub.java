package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Request;
import io.mlgitops.testing.LocalHttpServer.Response;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for GitHub's REST API, since no real GitHub is reachable from the build: an in-process JDK HTTP server
 * that implements the documented shapes of the calls the client makes, with state. {@code POST
 * /repos/{owner}/{repo}/pulls} answers 201 with the pull request, or 422 "Validation Failed" with
 * {@code errors[].message} "A pull request already exists for owner:branch." when one is open for the head branch;
 * {@code GET .../pulls?head=owner:branch&state=open} lists them; {@code POST .../issues/{number}/labels} adds labels.
 * A wrong token gets 401 "Bad credentials", a read-only token 403, an unknown repository 404 "Not Found", and a
 * number of server errors (502) can be queued.
 */
final class FakeGitHub implements AutoCloseable {
    static final String TOKEN = "gh-secret-token";
    static final String READ_ONLY_TOKEN = "gh-read-only-token";
    static final String REPOSITORY = "acme/ml-manifests";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PULLS = Pattern.compile("/repos/([^/]+)/([^/]+)/pulls");
    private static final Pattern LABELS = Pattern.compile("/repos/([^/]+)/([^/]+)/issues/(\\d+)/labels");

    /** An open pull request as the fake keeps it. */
    record Pull(int number, String head, String base, String title, String body, Set<String> labels) {
    }

    private final LocalHttpServer server;
    private final String prefix;
    private final List<Pull> pulls = new ArrayList<>();

    /** @param prefix the API's path on the server: empty like api.github.com, {@code /api/v3} like GitHub Enterprise */
    FakeGitHub(final String prefix) {
        this.prefix = prefix;
        this.server = LocalHttpServer.start().on(prefix.isEmpty() ? "/" : prefix, this::answer);
    }

    URI apiBase() {
        return server.uri(prefix);
    }

    List<Request> requests() {
        return server.requests();
    }

    synchronized List<Pull> pulls() {
        return List.copyOf(pulls);
    }

    /** The next {@code count} calls answer 502. */
    void failNext(final int count) {
        server.failNext(count, Response.text(502, "<html>Bad gateway</html>"));
    }

    private synchronized Response answer(final Request request) throws IOException {
        String authorization = request.authorization();
        boolean readOnly = ("Bearer " + READ_ONLY_TOKEN).equals(authorization);
        if (!readOnly && !("Bearer " + TOKEN).equals(authorization)) {
            return error(401, "Bad credentials");
        }
        String path = request.pathAndQuery().substring(prefix.length()).replaceFirst("\\?.*", "");
        Matcher pullsPath = PULLS.matcher(path);
        Matcher labelsPath = LABELS.matcher(path);
        String repository = pullsPath.matches() ? pullsPath.group(1) + "/" + pullsPath.group(2)
                : labelsPath.matches() ? labelsPath.group(1) + "/" + labelsPath.group(2) : "";
        if (!REPOSITORY.equals(repository)) {
            return error(404, "Not Found");
        }
        if (readOnly && !"GET".equals(request.method())) {
            return error(403, "Resource not accessible by personal access token");
        }
        if (labelsPath.matches() && "POST".equals(request.method())) {
            return label(Integer.parseInt(labelsPath.group(3)), JSON.readTree(request.body()));
        }
        if ("POST".equals(request.method())) {
            return create(JSON.readTree(request.body()));
        }
        if ("GET".equals(request.method())) {
            return list(query(request.pathAndQuery()));
        }
        return error(404, "Not Found");
    }

    private Response create(final JsonNode body) {
        String head = body.path("head").asText("");
        if (head.isEmpty() || body.path("base").asText("").isEmpty() || body.path("title").asText("").isEmpty()) {
            return Response.json(422, "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": "
                    + "\"PullRequest\", \"field\": \"head\", \"code\": \"missing_field\"}]}");
        }
        if (head.equals(body.get("base").asText())) {
            return Response.json(422, "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": "
                    + "\"PullRequest\", \"code\": \"custom\", \"message\": \"No commits between " + head + " and "
                    + head + "\"}]}");
        }
        if (pulls.stream().anyMatch(pull -> pull.head().equals(head))) {
            return Response.json(422, "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": "
                    + "\"PullRequest\", \"code\": \"custom\", \"message\": \"A pull request already exists for acme:"
                    + head + ".\"}], \"documentation_url\": \"https://docs.github.com/rest/pulls/pulls\"}");
        }
        Pull pull = new Pull(pulls.size() + 1, head, body.get("base").asText(), body.get("title").asText(),
                body.path("body").asText(""), new LinkedHashSet<>());
        pulls.add(pull);
        return Response.json(201, json(pull));
    }

    private Response list(final Map<String, String> query) {
        String head = query.getOrDefault("head", "");
        List<String> found = pulls.stream().filter(pull -> head.isEmpty() || head.equals("acme:" + pull.head()))
                .map(FakeGitHub::json).toList();
        return Response.json(200, "[" + String.join(", ", found) + "]");
    }

    private Response label(final int number, final JsonNode body) {
        if (number < 1 || number > pulls.size()) {
            return error(404, "Not Found");
        }
        body.path("labels").forEach(label -> pulls.get(number - 1).labels().add(label.asText()));
        return Response.json(200, "[]");
    }

    private static String json(final Pull pull) {
        return String.format("{\"number\": %d, \"state\": \"open\", \"html_url\": \"https://github.com/%s/pull/%d\", "
                + "\"head\": {\"ref\": \"%s\"}, \"base\": {\"ref\": \"%s\"}, \"user\": {\"login\": \"bot\"}}",
                pull.number(), REPOSITORY, pull.number(), pull.head(), pull.base());
    }

    private static Response error(final int status, final String message) {
        return Response.json(status, "{\"message\": \"" + message + "\", \"documentation_url\": "
                + "\"https://docs.github.com/rest\"}");
    }

    static Map<String, String> query(final String pathAndQuery) {
        Map<String, String> parameters = new HashMap<>();
        int start = pathAndQuery.indexOf('?');
        if (start >= 0) {
            for (String pair : pathAndQuery.substring(start + 1).split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.close();
    }
}
