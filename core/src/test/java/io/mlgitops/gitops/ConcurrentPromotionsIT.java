package io.mlgitops.gitops;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen promotions at once into one GitOps repository through the real JGit implementation, each with a clone of
 * its own as on separate build agents, so that only compare-and-swap pushes keep them apart: eight models in files of
 * their own and eight keys of one shared values file. Every promotion lands exactly once and none is lost (issue 3
 * §7); the git command line checks what landed.
 */
class ConcurrentPromotionsIT {
    private static final int PROMOTIONS = 16;
    private static final int OWN_FILES = 8;
    private static final String SHARED = "environments/production/models.yaml";

    @TempDir
    private Path folder;

    private static String kustomization(final int model) {
        return "# model " + model + "\nimages:\n  - name: registry.example.com/model-" + model + "\n    newTag: v1\n";
    }

    private static String sharedValues() {
        StringBuilder values = new StringBuilder("# one key per model, edited concurrently\nmodels:\n");
        for (int model = OWN_FILES; model < PROMOTIONS; model++) {
            values.append("  model-").append(model).append(":\n    version: \"1\"   # keep quoted\n");
        }
        return values.toString();
    }

    private static ManifestEdit edit(final int model) {
        if (model < OWN_FILES) {
            return new ManifestEdit.SetImage("apps/model-" + model + "/kustomization.yaml",
                    "registry.example.com/model-" + model, null, "v{{version}}", null);
        }
        return new ManifestEdit.SetValue(SHARED, DocumentSelector.ONLY, "models.model-" + model + ".version",
                "{{version}}");
    }

    private Callable<Report<PromotionResults>> promotion(final Path bare, final int model,
            final CyclicBarrier start) {
        return () -> {
            PromotionSettings settings = new PromotionSettings("model-" + model, "2", "production", "main",
                    List.of(edit(model)), false, PromotionSettings.DEFAULT_PULL_REQUEST_BRANCH, null, Map.of(), null,
                    null, null, false, null, PromotionSettings.DEFAULT_SYNC_TIMEOUT, null,
                    PromotionSettings.DEFAULT_MESSAGE, "CI", "ci@example.com", null, null);
            RepositorySettings repository = RepositorySettings.of(bare.toUri().toString(),
                    folder.resolve("cache-" + model)).withRetry(RetryPolicy.DEFAULTS.withMaxAttempts(40));
            try (GitOpsRepository git = GitOpsRepositories.open(repository)) {
                start.await(30, TimeUnit.SECONDS);
                return new Promotion(settings, git, bare.toString(), Optional.empty(), Optional.empty(),
                        Optional.empty(), ProgressListener.NONE, Clock.systemUTC()).run();
            }
        };
    }

    @Test
    void shouldLandEverySimultaneousPromotionExactlyOnce() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (int model = 0; model < OWN_FILES; model++) {
            files.put("apps/model-" + model + "/kustomization.yaml", kustomization(model));
        }
        files.put(SHARED, sharedValues());
        Path bare = GitCli.bareRepository(folder, "gitops.git", files);
        int commitsBefore = GitCli.commitCount(bare);
        CyclicBarrier start = new CyclicBarrier(PROMOTIONS);
        ExecutorService pool = Executors.newFixedThreadPool(PROMOTIONS);
        List<Future<Report<PromotionResults>>> running = new ArrayList<>();
        for (int model = 0; model < PROMOTIONS; model++) {
            running.add(pool.submit(promotion(bare, model, start)));
        }
        List<Report<PromotionResults>> reports = new ArrayList<>();
        for (Future<Report<PromotionResults>> future : running) {
            reports.add(future.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(reports).allSatisfy(report -> {
            assertThat(report.status()).isEqualTo(Status.PASSED);
            assertThat(report.results().committed()).isTrue();
        });
        assertThat(GitCli.commitCount(bare)).isEqualTo(commitsBefore + PROMOTIONS);
        assertThat(GitCli.trailerValues(bare, "ML-Model")).hasSize(PROMOTIONS).doesNotHaveDuplicates();
        for (int model = 0; model < OWN_FILES; model++) {
            assertThat(GitCli.show(bare, "apps/model-" + model + "/kustomization.yaml"))
                    .isEqualTo(kustomization(model).replace("newTag: v1", "newTag: v2"));
        }
        assertThat(GitCli.show(bare, SHARED)).isEqualTo(sharedValues().replace("version: \"1\"", "version: \"2\""));
        assertThat(reports.stream().mapToInt(report -> report.results().attempts()).max().orElse(0))
                .as("some promotions had to retry").isGreaterThan(1);
    }

    @Test
    void shouldMakeNoSecondCommitWhenTheSamePromotionRunsTwiceAtOnce() throws Exception {
        Path bare = GitCli.bareRepository(folder, "gitops.git", Map.of("apps/model-0/kustomization.yaml",
                kustomization(0)));
        int commitsBefore = GitCli.commitCount(bare);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Report<PromotionResults>> first = pool.submit(promotion(bare, 0, start));
        Future<Report<PromotionResults>> second = pool.submit(promotion(bare, 0, start));

        List<Report<PromotionResults>> reports = List.of(first.get(2, TimeUnit.MINUTES),
                second.get(2, TimeUnit.MINUTES));
        pool.shutdown();

        assertThat(reports).allSatisfy(report -> assertThat(report.status()).isEqualTo(Status.PASSED));
        assertThat(reports).filteredOn(report -> report.results().committed()).hasSize(1);
        assertThat(GitCli.commitCount(bare)).isEqualTo(commitsBefore + 1);
    }
}
