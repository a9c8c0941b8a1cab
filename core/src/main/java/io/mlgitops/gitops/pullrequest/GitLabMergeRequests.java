package io.mlgitops.gitops.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.PullRequest;
import io.mlgitops.gitops.PullRequestProvider;
import io.mlgitops.gitops.PullRequestSpec;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merge requests through GitLab's REST API v4 ({@code BASE/api/v4}), authenticated with the {@code PRIVATE-TOKEN}
 * header. The project is named by its numeric id or its full path; GitLab answers 409 when an open merge request of
 * the source branch exists, which leads to that merge request.
 */
public final class GitLabMergeRequests implements PullRequestProvider {
    private static final String PERMISSION = "the api scope and at least the Developer role in the project";

    private final ForgeClient client;

    private GitLabMergeRequests(final ForgeClient client) {
        this.client = client;
    }

    /**
     * @param baseUrl       the GitLab instance, {@code https://gitlab.com} or a self-managed address (with its path
     *                      prefix, if any), without {@code /api/v4}
     * @param tokenVariable the name of the token's secret, e.g. {@code GITLAB_TOKEN}
     * @throws InputException when the token is not set
     */
    public static GitLabMergeRequests create(final URI baseUrl, final String tokenVariable,
            final SecretSource secrets, final HttpExecutor executor) throws InputException {
        return new GitLabMergeRequests(new ForgeClient("GitLab", baseUrl, executor, secrets, "PRIVATE-TOKEN", "",
                tokenVariable, Map.of()));
    }

    @Override
    public PullRequest open(final PullRequestSpec spec) throws MlGitOpsException {
        String project = spec.repository();
        if (project.startsWith("/") || project.endsWith("/") || project.contains("//")) {
            throw new InputException(String.format("'%s' is not a GitLab project: expected its numeric id or its "
                    + "path, such as acme/platform/ml-manifests.", project));
        }
        String mergeRequests = "/api/v4/projects/" + Urls.encodePath(project).replace("/", "%2F") + "/merge_requests";
        String action = String.format("opening a merge request from %s into %s in %s", spec.head(), spec.base(),
                project);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source_branch", spec.head());
        body.put("target_branch", spec.base());
        body.put("title", spec.title());
        body.put("description", spec.body());
        if (!spec.labels().isEmpty()) {
            body.put("labels", String.join(",", spec.labels()));
        }
        ForgeReply created = client.call("POST", mergeRequests, Map.of(), body);
        if (created.status() == 201) {
            return read(created.body(), false, created, action);
        }
        if (created.status() != 409) {
            throw client.failure(created, action, project, PERMISSION);
        }
        PullRequest existing = findOpen(mergeRequests, spec, action);
        if (!spec.labels().isEmpty()) {
            ForgeReply labelled = client.call("PUT", mergeRequests + "/" + existing.number(), Map.of(),
                    Map.of("add_labels", String.join(",", spec.labels())));
            if (!labelled.isSuccess()) {
                throw client.failure(labelled, String.format("adding labels %s to merge request %s", spec.labels(),
                        existing.url()), project, PERMISSION);
            }
        }
        return existing;
    }

    private PullRequest findOpen(final String mergeRequests, final PullRequestSpec spec, final String action)
            throws InputException {
        ForgeReply found = client.call("GET", mergeRequests, Urls.query("source_branch", spec.head(),
                "state", "opened"), null);
        if (!found.isSuccess()) {
            throw client.failure(found, "finding the open merge request of " + spec.head() + " in "
                    + spec.repository(), spec.repository(), PERMISSION);
        }
        if (!found.body().isArray() || found.body().isEmpty()) {
            throw new InputException(String.format("%s says a merge request of %s already exists in %s, but lists "
                    + "no open one (%s). Check the project's merge requests.", client.server(), spec.head(),
                    spec.repository(), Urls.redact(found.uri())));
        }
        return read(found.body().get(0), true, found, action);
    }

    private PullRequest read(final JsonNode mergeRequest, final boolean existed, final ForgeReply reply,
            final String action) throws InputException {
        if (!mergeRequest.path("iid").canConvertToLong() || !mergeRequest.path("web_url").isTextual()) {
            throw new InputException(String.format("%s answered %s without a merge request iid and address (%s). "
                    + "Is the base URL the GitLab instance (without /api/v4)?", client.server(), action,
                    Urls.redact(reply.uri())));
        }
        return new PullRequest(mergeRequest.get("iid").asLong(), mergeRequest.get("web_url").asText(), existed);
    }
}
