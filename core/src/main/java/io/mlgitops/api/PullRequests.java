package io.mlgitops.api;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.gitops.PullRequest;
import io.mlgitops.gitops.PullRequestProvider;
import io.mlgitops.gitops.PullRequestProviders;
import io.mlgitops.gitops.PullRequestSpec;
import io.mlgitops.gitops.PullRequestOpener;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.RepositoryIdentifiers;
import io.mlgitops.net.HttpSettings;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where promotion pull requests are opened.
 *
 * @param provider      {@code github} or {@code gitlab}
 * @param apiUrl        the API base (GitHub) or server (GitLab); {@code null} for github.com / gitlab.com
 * @param tokenVariable the secret holding the token
 * @param repository    the provider's repository identifier; {@code null} to derive it from the remote URL
 */
public record PullRequests(String provider, URI apiUrl, String tokenVariable, String repository) {
    public PullRequests {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(tokenVariable, "tokenVariable");
    }

    PullRequestOpener opener(final String remote, final SecretSource secrets) throws InputException {
        String identifier = repository != null ? repository : RepositoryIdentifiers.fromRemote(remote);
        PullRequestProvider client = switch (provider.toLowerCase(Locale.ROOT)) {
            case "github" -> PullRequestProviders.gitHub(apiUrl == null ? PullRequestProviders.GITHUB_API : apiUrl,
                    tokenVariable, secrets, HttpSettings.DEFAULTS);
            case "gitlab" -> PullRequestProviders.gitLab(apiUrl == null ? PullRequestProviders.GITLAB : apiUrl,
                    tokenVariable, secrets, HttpSettings.DEFAULTS);
            default -> throw new InputException("--pr-provider must be github or gitlab, got '" + provider + "'");
        };
        return (head, base, title, body) -> {
            PullRequest opened = client.open(new PullRequestSpec(identifier, head, base, title, body, List.of()));
            return new PromotionResults.PullRequestRecord(opened.url(), opened.number(), head, opened.existed());
        };
    }
}
