package io.jenkins.plugins.mlgitops.config.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The GitOps defaults fill what a call leaves blank; a default credential never goes to another repository. */
class GitOpsRepositorySettingsTest {
    private static final GitOpsRepositorySettings DEFAULTS = new GitOpsRepositorySettings(
            "https://git.example.com/ml/deploy.git", "release", "gitops-token", "Release Bot <bot@example.com>");

    @Test
    void shouldFillABlankCallFromTheDefaults() {
        assertThat(new GitOpsRepositorySettings(" ", null, "", null).withDefaults(DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void shouldLetTheCallsOwnValuesWin() {
        GitOpsRepositorySettings own = new GitOpsRepositorySettings("https://git.example.com/ml/deploy.git/",
                "hotfix", "other-token", "Ana <ana@example.com>");

        assertThat(own.withDefaults(DEFAULTS)).isEqualTo(own);
        assertThat(new GitOpsRepositorySettings(null, "hotfix", null, null).withDefaults(DEFAULTS)).isEqualTo(
                new GitOpsRepositorySettings("https://git.example.com/ml/deploy.git", "hotfix", "gitops-token",
                        "Release Bot <bot@example.com>"));
    }

    @Test
    void shouldKeepTheDefaultCredentialAndBranchForTheDefaultRepository() {
        assertThat(new GitOpsRepositorySettings(" https://git.example.com/ml/deploy.git/ ", null, null, null)
                .withDefaults(DEFAULTS).credentialsId()).isEqualTo("gitops-token");
        assertThat(new GitOpsRepositorySettings("git@git.example.com:ml/other.git", null, null, null)
                .withDefaults(DEFAULTS)).isEqualTo(new GitOpsRepositorySettings("git@git.example.com:ml/other.git",
                        null, null, "Release Bot <bot@example.com>"));
    }

    @Test
    void shouldStayEmptyWithoutDefaults() {
        assertThat(new GitOpsRepositorySettings(null, null, null, null).withDefaults(GitOpsRepositorySettings.NONE))
                .isEqualTo(GitOpsRepositorySettings.NONE);
    }

    @Test
    void shouldCheckTheDefaultRepositoryAndAuthor() {
        assertThat(GitOpsRepositorySettings.checkRepository("git@github.com:ml/deploy.git")).isEqualTo(Validation.ok());
        assertThat(GitOpsRepositorySettings.checkRepository("https://bot@git.example.com:8443/deploy.git"))
                .isEqualTo(Validation.ok());
        assertThat(GitOpsRepositorySettings.checkRepository("").message())
                .isEqualTo("Without a default repository every mlPromote and mlRollback must give repository.");
        assertThat(GitOpsRepositorySettings.checkRepository("https://bot:hunter22@git.example.com/deploy.git")
                .message()).isEqualTo("Do not put a password into the repository URL; it would be shown and logged. "
                        + "Choose the credential as credentialsId.");
        assertThat(GitOpsRepositorySettings.checkAuthor("Release Bot <bot@example.com>")).isEqualTo(Validation.ok());
        assertThat(GitOpsRepositorySettings.checkAuthor(null)).isEqualTo(Validation.ok());
        assertThat(GitOpsRepositorySettings.checkAuthor("bot").message()).isEqualTo(
                "author must be 'Name <email>', e.g. 'Release Bot <release@example.com>'; got 'bot'.");
    }
}
