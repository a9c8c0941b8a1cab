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
 * The GitLab client against {@link FakeGitLab}, an in-process server that implements the documented request and
 * response shapes of GitLab's REST API v4 (no real GitLab is reachable from the build).
 */
class GitLabMergeRequestsTest {
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
            Duration.ofMillis(1), Duration.ofMillis(5));
    private static final String SOURCE = "mlgitops/production/churn-7";
    private static final PullRequestSpec SPEC = new PullRequestSpec(FakeGitLab.PROJECT, SOURCE, "main",
            "Promote churn 7 to production", "Soak in staging: 26 h.", List.of("mlgitops", "production"));

    private final FakeGitLab gitlab = new FakeGitLab();

    @AfterEach
    void stopServer() {
        gitlab.close();
    }

    private PullRequestProvider provider(final String token) throws InputException {
        SecretSource secrets = name -> "GITLAB_TOKEN".equals(name) ? Optional.ofNullable(token) : Optional.empty();
        return PullRequestProviders.gitLab(gitlab.baseUrl(), "GITLAB_TOKEN", secrets, FAST);
    }

    @Test
    void shouldOpenALabelledMergeRequestInAProjectNamedByItsPath() throws Exception {
        PullRequest opened = provider(FakeGitLab.TOKEN).open(SPEC);

        assertThat(opened).isEqualTo(new PullRequest(1,
                "https://gitlab.com/acme/platform/ml-manifests/-/merge_requests/1", false));
        assertThat(gitlab.mergeRequests()).containsExactly(new FakeGitLab.MergeRequest(1, SOURCE, "main",
                "Promote churn 7 to production", "Soak in staging: 26 h.", Set.of("mlgitops", "production")));
        Request create = gitlab.requests().get(0);
        assertThat(create.method() + " " + create.pathAndQuery())
                .isEqualTo("POST /api/v4/projects/acme%2Fplatform%2Fml-manifests/merge_requests");
        assertThat(create.header("PRIVATE-TOKEN")).isEqualTo(FakeGitLab.TOKEN);
        assertThat(create.authorization()).isNull();
        assertThat(gitlab.requests()).hasSize(1);
    }

    @Test
    void shouldReturnTheOpenMergeRequestOfTheSourceBranchAndAddTheLabels() throws Exception {
        PullRequestProvider provider = provider(FakeGitLab.TOKEN);
        provider.open(new PullRequestSpec(FakeGitLab.PROJECT_ID, SOURCE, "main", "first", "", List.of()));

        PullRequest again = provider.open(SPEC);

        assertThat(again).isEqualTo(new PullRequest(1,
                "https://gitlab.com/acme/platform/ml-manifests/-/merge_requests/1", true));
        assertThat(gitlab.mergeRequests()).hasSize(1);
        assertThat(gitlab.mergeRequests().get(0).labels()).containsExactly("mlgitops", "production");
        assertThat(gitlab.requests()).extracting(request -> request.method() + " " + request.pathAndQuery())
                .containsExactly("POST /api/v4/projects/42/merge_requests",
                        "POST /api/v4/projects/acme%2Fplatform%2Fml-manifests/merge_requests",
                        "GET /api/v4/projects/acme%2Fplatform%2Fml-manifests/merge_requests?source_branch="
                                + "mlgitops%2Fproduction%2Fchurn-7&state=opened",
                        "PUT /api/v4/projects/acme%2Fplatform%2Fml-manifests/merge_requests/1");
    }

    @Test
    void shouldRetryServerErrors() throws Exception {
        gitlab.failNext(2);

        PullRequest opened = provider(FakeGitLab.TOKEN).open(SPEC);

        assertThat(opened.existed()).isFalse();
        assertThat(gitlab.mergeRequests()).hasSize(1);
        assertThat(gitlab.requests()).hasSize(3);
    }

    @Test
    void shouldNameTheVariableOfARejectedTokenButNeverTheToken() {
        assertThatThrownBy(() -> provider("glpat-revoked").open(SPEC))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GitLab API %s rejected the token from GITLAB_TOKEN (HTTP 401: 401 Unauthorized). Check "
                        + "that it is valid and not expired, and set GITLAB_TOKEN to a working one.", gitlab.baseUrl())
                .hasMessageNotContaining("glpat-revoked");
        assertThat(gitlab.requests()).hasSize(1);
    }

    @Test
    void shouldNameAnUnknownProject() {
        PullRequestSpec elsewhere = new PullRequestSpec("acme/nope", SOURCE, "main", "t", "", List.of());

        assertThatThrownBy(() -> provider(FakeGitLab.TOKEN).open(elsewhere))
                .isExactlyInstanceOf(InputException.class)
                .hasMessage("GitLab API %s has no repository 'acme/nope', or the token from GITLAB_TOKEN cannot see "
                        + "it (HTTP 404: 404 Project Not Found). Check the repository (as derived from the remote URL) "
                        + "and the token's access.", gitlab.baseUrl());
    }
}
