package io.mlgitops.gitops.git;

import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.RepositorySettings;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A separate JVM that runs some of the {@link Writers} at once, each with its own repository instance on a shared
 * cache folder: {@code WriterProcess REMOTE CACHE_ROOT FIRST_WRITER COUNT}. Prints one line per commit and exits
 * with 1 when a writer failed.
 */
final class WriterProcess {
    private WriterProcess() {
    }

    public static void main(final String[] args) throws Exception {
        RepositorySettings settings = RepositorySettings.of(args[0], Paths.get(args[1]));
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<CommitOutcome>> outcomes = new ArrayList<>();
        for (int writer = first; writer < first + count; writer++) {
            int number = writer;
            outcomes.add(pool.submit(() -> {
                try (GitOpsRepository repository = GitOpsRepositories.open(settings)) {
                    return repository.commit("main", Writers.change(number), Writers.message(number));
                }
            }));
        }
        int failed = 0;
        for (Future<CommitOutcome> outcome : outcomes) {
            try {
                System.out.println(outcome.get());
            }
            catch (java.util.concurrent.ExecutionException failure) {
                System.out.println("failed: " + failure.getCause());
                failed++;
            }
        }
        pool.shutdown();
        System.exit(failed == 0 ? 0 : 1);
    }
}
