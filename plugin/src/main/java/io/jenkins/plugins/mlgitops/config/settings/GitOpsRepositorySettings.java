package io.jenkins.plugins.mlgitops.config.settings;

import io.mlgitops.api.Author;
import io.mlgitops.api.errors.InvalidSettingsException;

/**
 * The GitOps repository of a commit: the configured defaults, or what one {@code mlPromote}/{@code mlRollback} call
 * uses.
 *
 * @param repository    the repository's URL or path
 * @param branch        the branch, or {@code null} for {@code main}
 * @param credentialsId the Jenkins credential for the repository, or {@code null}
 * @param author        the commit author {@code Name <email>}, or {@code null} for the build's
 *                      {@code GIT_AUTHOR_NAME}/{@code GIT_AUTHOR_EMAIL}
 */
public record GitOpsRepositorySettings(String repository, String branch, String credentialsId, String author) {
    /** No defaults configured. */
    public static final GitOpsRepositorySettings NONE = new GitOpsRepositorySettings(null, null, null, null);

    /** The default repository: any remote git accepts, but never with a password inside. */
    public static Validation checkRepository(final String repository) {
        if (repository == null || repository.isBlank()) {
            return Validation.warning("Without a default repository every mlPromote and mlRollback must give "
                    + "repository.");
        }
        String location = repository.trim();
        int scheme = location.indexOf("://");
        int at = location.indexOf('@');
        int colon = scheme < 0 ? -1 : location.indexOf(':', scheme + 3);
        if (scheme > 0 && at > scheme && colon > 0 && colon < at) {
            return Validation.error("Do not put a password into the repository URL; it would be shown and logged. "
                    + "Choose the credential as credentialsId.");
        }
        return Validation.ok();
    }

    /** The default author: {@code Name <email>}, or blank for the build's. */
    public static Validation checkAuthor(final String author) {
        if (author == null || author.isBlank()) {
            return Validation.ok();
        }
        try {
            Author.parse(author.trim());
            return Validation.ok();
        }
        catch (InvalidSettingsException invalid) {
            return Validation.error("author must be 'Name <email>', e.g. 'Release Bot <release@example.com>'; got '"
                    + author.trim() + "'.");
        }
    }

    /**
     * The values of one call: the step's own (these), else the defaults. The defaults describe one repository:
     * their branch and credential fill in only when the step leaves {@code repository} blank or names the same
     * repository, so a credential never goes to a repository it was not configured for. The default author applies
     * to every repository.
     */
    public GitOpsRepositorySettings withDefaults(final GitOpsRepositorySettings defaults) {
        String own = Values.given(repository, null);
        boolean defaultRepository = own == null || Urls.same(own, defaults.repository());
        return new GitOpsRepositorySettings(Values.given(own, defaults.repository()),
                Values.given(branch, defaultRepository ? defaults.branch() : null),
                Values.given(credentialsId, defaultRepository ? defaults.credentialsId() : null),
                Values.given(author, defaults.author()));
    }
}
