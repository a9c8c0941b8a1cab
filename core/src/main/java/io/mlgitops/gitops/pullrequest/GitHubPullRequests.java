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
 * Pull requests through GitHub's REST API ({@code api.github.com}, or {@code https://HOST/api/v3} for GitHub
 * Enterprise Server), authenticated with {@code Authorization: Bearer TOKEN}. A 422 answer saying that a pull
 * request already exists for the head branch leads to that pull request.
 */
public final class GitHubPullRequests implements PullRequestProvider {
    private static final String PERMISSION = "write access to pull requests of the repository (fine-grained token: "
            + "Pull requests read and write; classic token: the repo scope)";

    private final ForgeClient client;

    private GitHubPullRequests(final ForgeClient client) {
        this.client = client;
    }

    /**
     * @param apiBase       the REST API's base URL
     * @param tokenVariable the name of the token's secret, e.g. {@code GITHUB_TOKEN}
     * @throws InputException when the token is not set
     */
    public static GitHubPullRequests create(final URI apiBase, final String tokenVariable, final SecretSource secrets,
            final HttpExecutor executor) throws InputException {
        return new GitHubPullRequests(new ForgeClient("GitHub", apiBase, executor, secrets, "Authorization",
                "Bearer ", tokenVariable, Map.of("Accept", "application/vnd.github+json",
                        "X-GitHub-Api-Version", "2022-11-28")));
    }

    @Override
    public PullRequest open(final PullRequestSpec spec) throws MlGitOpsException {
        String repository = spec.repository();
        String[] ownerAndName = repository.split("/", -1);
        if (ownerAndName.length != 2 || ownerAndName[0].isEmpty() || ownerAndName[1].isEmpty()) {
            throw new InputException(String.format("'%s' is not a GitHub repository: expected owner/name, such as "
                    + "acme/ml-manifests.", repository));
        }
        String pulls = "/repos/" + Urls.encodePath(repository) + "/pulls";
        String action = String.format("opening a pull request from %s into %s in %s", spec.head(), spec.base(),
                repository);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", spec.title());
        body.put("head", spec.head());
        body.put("base", spec.base());
        body.put("body", spec.body());
        ForgeReply created = client.call("POST", pulls, Map.of(), body);
        PullRequest pullRequest;
        if (created.status() == 201) {
            pullRequest = read(created.body(), false, created, action);
        }
        else if (created.status() == 422 && ForgeClient.saysAlreadyExists(created)) {
            pullRequest = findOpen(pulls, ownerAndName[0] + ":" + spec.head(), action, repository);
        }
        else {
            throw client.failure(created, action, repository, PERMISSION);
        }
        addLabels(spec, pullRequest, repository);
        return pullRequest;
    }

    private PullRequest findOpen(final String pulls, final String head, final String action,
            final String repository) throws InputException {
        ForgeReply found = client.call("GET", pulls, Urls.query("head", head, "state", "open"), null);
        if (!found.isSuccess()) {
            throw client.failure(found, "finding the open pull request of " + head + " in " + repository, repository,
                    PERMISSION);
        }
        if (!found.body().isArray() || found.body().isEmpty()) {
            throw new InputException(String.format("%s says a pull request for %s already exists in %s, but lists "
                    + "no open one (%s). Check the repository's pull requests.", client.server(), head, repository,
                    Urls.redact(found.uri())));
        }
        return read(found.body().get(0), true, found, action);
    }

    private void addLabels(final PullRequestSpec spec, final PullRequest pullRequest, final String repository)
            throws InputException {
        if (spec.labels().isEmpty()) {
            return;
        }
        ForgeReply labelled = client.call("POST", "/repos/" + Urls.encodePath(repository) + "/issues/"
                + pullRequest.number() + "/labels", Map.of(), Map.of("labels", spec.labels()));
        if (!labelled.isSuccess()) {
            throw client.failure(labelled, String.format("adding labels %s to pull request %s", spec.labels(),
                    pullRequest.url()), repository, PERMISSION);
        }
    }

    private PullRequest read(final JsonNode pull, final boolean existed, final ForgeReply reply, final String action)
            throws InputException {
        if (!pull.path("number").canConvertToLong() || !pull.path("html_url").isTextual()) {
            throw new InputException(String.format("%s answered %s without a pull request number and address (%s). "
                    + "Is the API base URL right? GitHub Enterprise Server serves it at https://HOST/api/v3.",
                    client.server(), action, Urls.redact(reply.uri())));
        }
        return new PullRequest(pull.get("number").asLong(), pull.get("html_url").asText(), existed);
    }
}
