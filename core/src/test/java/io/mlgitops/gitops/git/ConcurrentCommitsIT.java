package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.ConflictException;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.HttpsCredentials;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.SecretReference;
import io.mlgitops.gitops.TreeChange;
import io.mlgitops.testing.git.GitCli;
import io.mlgitops.testing.git.GitHttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.mlgitops.gitops.git.JGitRepositoryTest.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen writers push into one repository at once: each change lands exactly once, none is lost, whether the
 * writers share a cache folder (they take turns on it) or each has its own (only compare-and-swap keeps them apart),
 * in threads or in separate processes.
 */
class ConcurrentCommitsIT {
    private static final int WRITERS = 16;
    private static final String TOKEN = "concurrency-token";

    @TempDir
    Path temp;

    private Path bare;

    @BeforeEach
    void createRepository() {
        bare = GitCli.bareRepository(temp, "manifests.git", Writers.initialFiles(WRITERS));
    }

    @Test
    void shouldLandSixteenWritersOverHttpSharingOneCache() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp, Map.of(), Set.of(TOKEN))) {
            RepositorySettings settings = RepositorySettings.of(server.url("manifests.git"), temp.resolve("cache"))
                    .withSecrets(name -> Optional.of(TOKEN))
                    .withHttps(HttpsCredentials.token(SecretReference.variable("GIT_TOKEN")));

            List<CommitOutcome> outcomes = runWriters(writer -> settings);

            assertAllLandedOnce(outcomes);
        }
    }

    @Test
    void shouldLandSixteenWritersOverHttpEachWithItsOwnCache() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(temp, Map.of(), Set.of(TOKEN))) {
            IntFunction<RepositorySettings> settings = writer -> RepositorySettings.of(server.url("manifests.git"),
                    temp.resolve("cache-" + writer))
                    .withSecrets(name -> Optional.of(TOKEN))
                    .withHttps(HttpsCredentials.token(SecretReference.variable("GIT_TOKEN")));

            List<CommitOutcome> outcomes = runWriters(settings);

            assertAllLandedOnce(outcomes);
        }
    }

    @Test
    void shouldLandSixteenWritersOverFileUrlSharingOneCache() throws Exception {
        RepositorySettings settings = RepositorySettings.of("file://" + bare, temp.resolve("cache"));

        assertAllLandedOnce(runWriters(writer -> settings));
    }

    @Test
    void shouldLandSixteenWritersOverFileUrlEachWithItsOwnCache() throws Exception {
        assertAllLandedOnce(runWriters(writer -> RepositorySettings.of("file://" + bare,
                temp.resolve("cache-" + writer))));
    }

    @Test
    void shouldLandSixteenWritersInFourProcessesSharingOneCache() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int first = 0; first < WRITERS; first += 4) {
            processes.add(new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
                    "file://" + bare, temp.resolve("cache").toString(), String.valueOf(first), "4")
                    .redirectErrorStream(true).start());
        }
        List<String> lines = new ArrayList<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            lines.addAll(output.lines().toList());
        }

        assertThat(lines).hasSize(WRITERS).allSatisfy(line -> assertThat(line).startsWith("CommitOutcome[committed=true"));
        assertFinalState();
    }

    @Test
    void shouldLetOneOfTwoWritersOfTheSameKeyWinAndStopTheOtherWithAConflict() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        IntFunction<TreeChange> racing = writer -> {
            AtomicBoolean first = new AtomicBoolean(true);
            SetValue change = new SetValue(Writers.SHARED, "model-8", "v0", "racer-" + writer);
            return tip -> {
                Map<String, byte[]> files = change.apply(tip);
                if (first.getAndSet(false)) {
                    await(bothRead);
                }
                return files;
            };
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CommitOutcome>> futures = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            TreeChange change = racing.apply(writer);
            RepositorySettings settings = RepositorySettings.of(bare.toString(), temp.resolve("racer-" + writer));
            futures.add(pool.submit(() -> {
                try (GitOpsRepository repository = GitOpsRepositories.open(settings)) {
                    return repository.commit("main", change, message("race"));
                }
            }));
        }
        List<CommitOutcome> won = new ArrayList<>();
        List<Throwable> lost = new ArrayList<>();
        for (Future<CommitOutcome> future : futures) {
            try {
                won.add(future.get(60, TimeUnit.SECONDS));
            }
            catch (ExecutionException failure) {
                lost.add(failure.getCause());
            }
        }
        pool.shutdown();

        assertThat(won).singleElement().satisfies(outcome -> assertThat(outcome.attempts()).isEqualTo(1));
        assertThat(lost).singleElement().isInstanceOf(ConflictException.class).asString()
                .contains("model-8 is racer-").contains("not v0 as read");
        assertThat(GitCli.commitCount(bare)).isEqualTo(2);
        assertThat(GitCli.git(bare, "rev-parse", "main").strip()).isEqualTo(won.get(0).commit());
    }

    private List<CommitOutcome> runWriters(final IntFunction<RepositorySettings> settings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CommitOutcome>> futures = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int number = writer;
            futures.add(pool.submit(() -> {
                start.await();
                try (GitOpsRepository repository = GitOpsRepositories.open(settings.apply(number))) {
                    return repository.commit("main", Writers.change(number), Writers.message(number));
                }
            }));
        }
        start.countDown();
        List<CommitOutcome> outcomes = new ArrayList<>();
        for (Future<CommitOutcome> future : futures) {
            outcomes.add(future.get(180, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }

    private void assertAllLandedOnce(final List<CommitOutcome> outcomes) {
        assertThat(outcomes).hasSize(WRITERS).allSatisfy(outcome -> assertThat(outcome.committed()).isTrue());
        assertThat(outcomes.stream().map(CommitOutcome::commit).distinct()).hasSize(WRITERS);
        for (CommitOutcome outcome : outcomes) {
            GitCli.git(bare, "merge-base", "--is-ancestor", outcome.commit(), "main");
        }
        assertFinalState();
    }

    private void assertFinalState() {
        assertThat(GitCli.commitCount(bare)).isEqualTo(1 + WRITERS);
        assertThat(GitCli.git(bare, "rev-list", "--merges", "main")).isEmpty();
        assertThat(GitCli.trailerValues(bare, "Promotion-Id")).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, WRITERS).mapToObj(Writers::promotionId).toList());
        for (int writer = 0; writer < Writers.OWN_FILES; writer++) {
            assertThat(GitCli.show(bare, Writers.appFile(writer))).isEqualTo("image: " + Writers.value(writer) + "\n");
        }
        StringBuilder shared = new StringBuilder();
        for (int writer = Writers.OWN_FILES; writer < WRITERS; writer++) {
            shared.append("model-").append(writer).append(": ").append(Writers.value(writer)).append('\n');
        }
        assertThat(GitCli.show(bare, Writers.SHARED)).isEqualTo(shared.toString());
        assertThat(GitCli.git(bare, "fsck", "--strict", "--no-dangling", "--no-progress").strip()).isEmpty();
    }

    private static void await(final CyclicBarrier barrier) throws MlGitOpsException {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        }
        catch (Exception broken) {
            throw new MlGitOpsException("the other writer never read the tip", broken);
        }
    }
}
