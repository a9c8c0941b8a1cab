package io.mlgitops.cli;

import io.mlgitops.api.Author;
import io.mlgitops.api.errors.InvalidSettingsException;
import picocli.CommandLine.Option;

/** Who a GitOps commit is from and which build made it. */
final class CommitOptions {
    @Option(names = "--author", paramLabel = "'NAME <EMAIL>'",
            description = "Commit author (default: $GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>).")
    private String author;

    @Option(names = "--build-url", paramLabel = "URL", description = "Build-Url trailer (default: $BUILD_URL).")
    private String buildUrl;

    /** The author given, or the one of the environment. */
    Author author() throws InvalidSettingsException {
        return author == null ? Author.fromEnvironment() : Author.parse(author);
    }

    /** The build URL given, else {@code BUILD_URL} (Jenkins sets it), else {@code null}. */
    String buildUrl() {
        return buildUrl != null ? buildUrl : System.getenv("BUILD_URL");
    }
}
