package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.pullrequest.GitHubPullRequests;
import io.mlgitops.gitops.pullrequest.GitLabMergeRequests;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;

import java.net.URI;

/**
 * Creates {@link PullRequestProvider} clients. Calls have the timeouts and retries of {@link HttpSettings}: connection
 * failures, 429 and 5xx answers are retried with jittered backoff, other answers are not.
 */
public final class PullRequestProviders {
    /** GitHub's REST API. */
    public static final URI GITHUB_API = URI.create("https://api.github.com");
    /** GitLab's SaaS instance. */
    public static final URI GITLAB = URI.create("https://gitlab.com");

    private PullRequestProviders() {
    }

    /**
     * GitHub, or GitHub Enterprise Server with {@code apiBase} {@code https://HOST/api/v3}.
     *
     * @param tokenVariable the secret holding the token, e.g. {@code GITHUB_TOKEN}
     * @throws InputException when that secret is not set
     */
    public static PullRequestProvider gitHub(final URI apiBase, final String tokenVariable,
            final SecretSource secrets, final HttpSettings settings) throws InputException {
        return GitHubPullRequests.create(apiBase, tokenVariable, secrets, new HttpExecutor(settings,
                "Is the GitHub API address right, and is it reachable from here?"));
    }

    /**
     * GitLab at {@code baseUrl} ({@link #GITLAB} or a self-managed instance, without {@code /api/v4}).
     *
     * @param tokenVariable the secret holding the token, e.g. {@code GITLAB_TOKEN}
     * @throws InputException when that secret is not set
     */
    public static PullRequestProvider gitLab(final URI baseUrl, final String tokenVariable,
            final SecretSource secrets, final HttpSettings settings) throws InputException {
        return GitLabMergeRequests.create(baseUrl, tokenVariable, secrets, new HttpExecutor(settings,
                "Is the GitLab address right, and is it reachable from here?"));
    }
}
