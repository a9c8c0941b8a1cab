package io.mlgitops.jmh.gitops;

import io.mlgitops.gitops.CommitMessage;
import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.RepositorySettings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Promotions through {@link GitOpsRepository}: one repository instance per writer, with the settings (and so the
 * cache folder) that {@code settings} gives each writer.
 */
final class JGitPromoter implements Promoter {
    private final IntFunction<RepositorySettings> settings;
    private final Map<Integer, GitOpsRepository> repositories = new ConcurrentHashMap<>();

    JGitPromoter(final IntFunction<RepositorySettings> settings) {
        this.settings = settings;
    }

    @Override
    public void prepare(final int writer) throws Exception {
        GitOpsRepository repository = GitOpsRepositories.open(settings.apply(writer));
        repository.tip("main");
        repositories.put(writer, repository);
    }

    @Override
    public int promote(final int writer, final TagEdit edit, final String promotionId) throws Exception {
        CommitMessage message = new CommitMessage("Promote " + edit.path() + " to " + edit.after(),
                Map.of("Promotion-Id", promotionId), "Benchmark", "bench@example.com");
        CommitOutcome outcome = repositories.get(writer).commit("main", edit, message);
        if (!outcome.committed()) {
            throw new IllegalStateException("no commit for " + promotionId);
        }
        return outcome.attempts();
    }

    @Override
    public void close() {
        repositories.values().forEach(GitOpsRepository::close);
    }
}
