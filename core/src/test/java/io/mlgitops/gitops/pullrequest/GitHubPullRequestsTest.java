package io.mlgitops.gitops.pullrequest;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.PullRequest;
import io.mlgitops.gitops.PullRequestProvider;
import io.mlgitops.gitops.PullRequestProviders;
import io.mlgitops.gitops.PullRequestSpec;
import io.mlgitops.net.HttpSettings;
import io.mlgitops.testing.LocalHttpServer.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GitHub client against {@link FakeGitHub}, an in-process server that implements the documented request and
 * response shapes of GitHub's REST API (no real GitHub is reachable from the build). The fake serves the API under
 * {@code /api/v3}, as GitHub Enterprise Server does, so the configurable base URL is exercised too.
 */
class GitHubPullRequestsTest {
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(1), Duration.ofMillis(5));
    private static final String HEAD = "mlgitops/staging/churn-7";
    private static final PullRequestSpec SPEC = new PullRequestSpec(FakeGitHub.REPOSITORY, HEAD, "main",
            "Promote churn 7 to staging", "Benchmark passed: accuracy +0.012.", List.of("mlgitops", "staging"));

    private final FakeGitHub github = new FakeGitHub("/api/v3");

    @AfterEach
    void stopServer() {
        github.close();
    }

    private PullRequestProvider provider(final String token) throws InputException {
        SecretSource secrets = name -> "GITHUB_TOKEN".equals(name) ? Optional.ofNullable(token) : Optional.empty();
        return PullRequestProviders.gitHub(github.apiBase(), "GITHUB_TOKEN", secrets, FAST);
    }

    @Test
    void shouldOpenAPullRequestAndLabelIt() throws Exception {
        PullRequest opened = provider(FakeGitHub.TOKEN).open(SPEC);

        assertThat(opened).isEqualTo(new PullRequest(1, "https://github.com/acme/ml-manifests/pull/1", false));
        assertThat(github.pulls()).containsExactly(new FakeGitHub.Pull(1, HEAD, "main", "Promote churn 7 to staging",
                "Benchmark passed: accuracy +0.012.", Set.of("mlgitops", "staging")));
        Request create = github.requests().get(0);
        assertThat(create.method() + " " + create.pathAndQuery())
                .isEqualTo("POST /api/v3/repos/acme/ml-manifests/pulls");
        assertThat(create.authorization()).isEqualTo("Bearer " + FakeGitHub.TOKEN);
        assertThat(create.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(create.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(github.requests().get(1).pathAndQuery())
                .isEqualTo("/api/v3/repos/acme/ml-manifests/issues/1/labels");
    }

    @Test
    void shouldReturnTheOpenPullRequestWhenOneExistsForTheHeadBranch() throws Exception {
        PullRequestProvider provider = provider(FakeGitHub.TOKEN);
        PullRequest first = provider.open(SPEC);

        PullRequest again = provider.open(SPEC);

        assertThat(again).isEqualTo(new PullRequest(first.number(), first.url(), true));
        assertThat(github.pulls()).hasSize(1);
        assertThat(github.requests()).extracting(request -> request.method() + " " + request.pathAndQuery())
                .contains("GET /api/v3/repos/acme/ml-manifests/pulls?head=acme%3Amlgitops%2Fstaging%2Fchurn-7"
                        + "&state=open");
    }

    @Test
    void shouldRetryServerErrorsAndOpenOnlyOne() throws Exception {
        github.failNext(2);

        PullRequest opened = provider(FakeGitHub.TOKEN).open(SPEC);

        assertThat(opened.existed()).isFalse();
        assertThat(github.pulls()).hasSize(1);
        assertThat(github.requests()).hasSize(4);
    }

    @Test
    void shouldNameTheVariableOfARejectedTokenButNeverTheToken() {
        assertThatThrownBy(() -> provider("expired-token-value").open(SPEC))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GitHub API %s rejected the token from GITHUB_TOKEN (HTTP 401: Bad credentials). Check "
                        + "that it is valid and not expired, and set GITHUB_TOKEN to a working one.", github.apiBase())
                .hasMessageNotContaining("expired-token-value");
        assertThat(github.requests()).as("a 4xx is not retried").hasSize(1);
    }

    @Test
    void shouldSayWhatPermissionAReadOnlyTokenLacks() {
        assertThatThrownBy(() -> provider(FakeGitHub.READ_ONLY_TOKEN).open(SPEC))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GitHub API %s refused opening a pull request from %s into main in acme/ml-manifests "
                        + "with the token from GITHUB_TOKEN (HTTP 403: Resource not accessible by personal access "
                        + "token). The token needs write access to pull requests of the repository (fine-grained "
                        + "token: Pull requests read and write; classic token: the repo scope).", github.apiBase(),
                        HEAD);
    }

    @Test
    void shouldNameAnUnknownRepository() {
        PullRequestSpec elsewhere = new PullRequestSpec("acme/nope", HEAD, "main", "t", "", List.of());

        assertThatThrownBy(() -> provider(FakeGitHub.TOKEN).open(elsewhere))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GitHub API %s has no repository 'acme/nope', or the token from GITHUB_TOKEN cannot see "
                        + "it (HTTP 404: Not Found). Check the repository (as derived from the remote URL) and the "
                        + "token's access.", github.apiBase());
    }

    @Test
    void shouldNotMistakeAnotherValidationFailureForAnExistingPullRequest() {
        PullRequestSpec noChange = new PullRequestSpec(FakeGitHub.REPOSITORY, "main", "main", "t", "", List.of());

        assertThatThrownBy(() -> provider(FakeGitHub.TOKEN).open(noChange))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GitHub API %s answered HTTP 422 to opening a pull request from main into main in "
                        + "acme/ml-manifests (%s/repos/acme/ml-manifests/pulls): Validation Failed; No commits between "
                        + "main and main.", github.apiBase(), github.apiBase());
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    void shouldRefuseARepositoryThatIsNotOwnerAndName() throws InputException {
        PullRequestProvider provider = provider(FakeGitHub.TOKEN);

        assertThatThrownBy(() -> provider.open(new PullRequestSpec("acme/platform/ml", HEAD, "main", "t", "",
                List.of())))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("'acme/platform/ml' is not a GitHub repository: expected owner/name, such as "
                        + "acme/ml-manifests.");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void shouldSayWhichVariableToSetWhenTheTokenIsMissing() {
        assertThatThrownBy(() -> provider(null))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GITHUB_TOKEN is not set: opening a GitHub pull request needs an API token that may "
                        + "create pull requests in the repository. Set GITHUB_TOKEN to it.");
    }
}
