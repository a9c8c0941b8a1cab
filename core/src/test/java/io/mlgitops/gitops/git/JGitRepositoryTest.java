package io.mlgitops.gitops.git;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.gitops.CommitInfo;
import io.mlgitops.gitops.CommitMessage;
import io.mlgitops.gitops.CommitOutcome;
import io.mlgitops.gitops.ConflictException;
import io.mlgitops.gitops.GitOpsRepositories;
import io.mlgitops.gitops.GitOpsRepository;
import io.mlgitops.gitops.RepositoryFiles;
import io.mlgitops.gitops.RepositorySettings;
import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.gitops.TreeChange;
import io.mlgitops.testing.git.GitCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mlgitops.testing.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JGit repository against bare repositories on disk (local paths and file:// URLs), checked with the git command
 * line.
 */
class JGitRepositoryTest {
    private static final String VALUES = "environments/prod/values.yaml";
    private static final Map<String, String> FILES = Map.of(
            VALUES, "model: churn\nversion: 3\n",
            "apps/churn/kustomization.yaml", "images:\n- name: churn\n  newTag: v3\n",
            "README.md", "# manifests\n");

    @TempDir
    Path temp;

    private Path bare;
    private Path cache;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createRepository() {
        GitCli.require();
        bare = GitCli.bareRepository(temp, "manifests.git", FILES);
        cache = temp.resolve("cache");
    }

    @Test
    void shouldCommitTheChangedFileOnlyWithAuthorMessageAndTrailers() throws Exception {
        CommitOutcome outcome;
        try (GitOpsRepository repository = open(bare.toString())) {
            outcome = repository.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }

        assertThat(outcome.committed()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.branch()).isEqualTo("main");
        assertThat(git(bare, "rev-parse", "main").strip()).isEqualTo(outcome.commit());
        assertThat(GitCli.show(bare, VALUES)).isEqualTo("model: churn\nversion: 4\n");
        assertThat(git(bare, "diff", "--name-only", "main~1", "main").strip()).isEqualTo(VALUES);
        assertThat(git(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%s", "main").strip())
                .isEqualTo("ML GitOps <mlgitops@example.com>|ML GitOps <mlgitops@example.com>|Promote churn 4 to prod");
        assertThat(git(bare, "log", "-1", "--format=%(trailers:key=Promotion-Id,valueonly)%(trailers:key=ML-Model,"
                + "valueonly)", "main").strip()).isEqualTo("p-1\nchurn");
        assertThat(git(bare, "fsck", "--strict", "--no-dangling", "--no-progress").strip()).isEmpty();
    }

    @Test
    void shouldMakeNoCommitWhenTheChangeHasNothingToDo() throws Exception {
        try (GitOpsRepository repository = open(bare.toString())) {
            String before = git(bare, "rev-parse", "main").strip();

            CommitOutcome alreadyThere = repository.commit("main", new SetValue(VALUES, "version", "2", "3"),
                    message("p-1"));
            CommitOutcome sameBytes = repository.commit("main", tip -> Map.of(VALUES,
                    tip.read(VALUES).orElseThrow()), message("p-2"));

            assertThat(alreadyThere).isEqualTo(new CommitOutcome(false, before, "main", 1));
            assertThat(sameBytes).isEqualTo(new CommitOutcome(false, before, "main", 1));
            assertThat(GitCli.commitCount(bare)).isEqualTo(1);
        }
    }

    @Test
    void shouldLetAConflictThroughAndPushNothing() throws Exception {
        try (GitOpsRepository repository = open("file://" + bare)) {
            SetValue stale = new SetValue(VALUES, "version", "2", "5");

            assertThatThrownBy(() -> repository.commit("main", stale, message("p-1")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("version is 3");
            assertThat(GitCli.commitCount(bare)).isEqualTo(1);
        }
    }

    @Test
    void shouldApplyTheChangeAgainWhenAnotherWriterMovedTheBranch() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other"));
        git(other, "clone", "--quiet", bare.toString(), ".");
        AtomicInteger calls = new AtomicInteger();
        List<String> tipsSeen = new CopyOnWriteArrayList<>();
        TreeChange racing = tip -> {
            tipsSeen.add(tip.commit());
            if (calls.incrementAndGet() == 1) {
                write(other.resolve("README.md"), "# changed by someone else\n");
                git(other, "commit", "--quiet", "-am", "Someone else");
                git(other, "push", "--quiet", "origin", "main");
            }
            return new SetValue(VALUES, "version", "3", "4").apply(tip);
        };

        CommitOutcome outcome;
        try (GitOpsRepository repository = open(bare.toString())) {
            outcome = repository.commit("main", racing, message("p-1"));
        }

        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(tipsSeen).hasSize(2).doesNotHaveDuplicates();
        assertThat(tipsSeen.get(1)).isEqualTo(git(bare, "rev-parse", "main~1").strip());
        assertThat(GitCli.commitCount(bare)).isEqualTo(3);
        assertThat(GitCli.show(bare, "README.md")).isEqualTo("# changed by someone else\n");
        assertThat(GitCli.show(bare, VALUES)).isEqualTo("model: churn\nversion: 4\n");
        assertThat(warnings).singleElement().asString().contains("moved while pushing");
    }

    @Test
    void shouldGiveUpAfterTheMaximumAttemptsNamingThem() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other"));
        git(other, "clone", "--quiet", bare.toString(), ".");
        AtomicInteger calls = new AtomicInteger();
        TreeChange alwaysOvertaken = tip -> {
            write(other.resolve("README.md"), "# change " + calls.incrementAndGet() + "\n");
            git(other, "commit", "--quiet", "-am", "Someone else " + calls.get());
            git(other, "push", "--quiet", "origin", "main");
            return Map.of("apps/new/values.yaml", ("tag: " + calls.get() + "\n").getBytes(StandardCharsets.UTF_8));
        };

        try (GitOpsRepository repository = GitOpsRepositories.open(settings(bare.toString())
                .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5))))) {
            assertThatThrownBy(() -> repository.commit("main", alwaysOvertaken, message("p-1")))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("push to branch main")
                    .hasMessageContaining("3 attempts");
        }
        assertThat(calls).hasValue(3);
        assertThat(git(bare, "log", "--format=%s", "main").lines().toList())
                .containsExactly("Someone else 3", "Someone else 2", "Someone else 1", "Initial manifests");
    }

    @Test
    void shouldWriteNewFoldersAndKeepTheExecutableBit() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        git(work, "clone", "--quiet", bare.toString(), ".");
        Files.writeString(work.resolve("deploy.sh"), "#!/bin/sh\n");
        git(work, "add", "deploy.sh");
        git(work, "update-index", "--chmod=+x", "deploy.sh");
        git(work, "commit", "--quiet", "-m", "Script");
        git(work, "push", "--quiet", "origin", "main");

        try (GitOpsRepository repository = open(bare.toString())) {
            repository.commit("main", tip -> Map.of(
                    "deploy.sh", "#!/bin/sh\necho promoted\n".getBytes(StandardCharsets.UTF_8),
                    "apps/fraud/overlays/prod/kustomization.yaml", "images: []\n".getBytes(StandardCharsets.UTF_8),
                    "apps/churn/values.yaml", "replicas: 2\n".getBytes(StandardCharsets.UTF_8)), message("p-1"));
        }

        assertThat(git(bare, "ls-tree", "-r", "--format=%(objectmode) %(path)", "main").lines().toList())
                .containsExactly("100644 README.md",
                        "100644 apps/churn/kustomization.yaml",
                        "100644 apps/churn/values.yaml",
                        "100644 apps/fraud/overlays/prod/kustomization.yaml",
                        "100755 deploy.sh",
                        "100644 " + VALUES);
        assertThat(GitCli.show(bare, "deploy.sh")).isEqualTo("#!/bin/sh\necho promoted\n");
        assertThat(git(bare, "fsck", "--strict", "--no-dangling", "--no-progress").strip()).isEmpty();
    }

    @Test
    void shouldRefusePathsOutsideTheRepositoryAndFilesOverFolders() throws Exception {
        try (GitOpsRepository repository = open(bare.toString())) {
            for (String path : List.of("../outside.yaml", "/etc/passwd", "apps/../../x", ".git/config", "a//b")) {
                assertThatThrownBy(() -> repository.commit("main", tip -> Map.of(path, new byte[] {1}),
                        message("p")))
                        .as(path).isInstanceOf(InputException.class).hasMessageContaining("'" + path + "'");
            }
            assertThatThrownBy(() -> repository.commit("main", tip -> Map.of("apps/churn", new byte[] {1}),
                    message("p"))).isInstanceOf(InputException.class).hasMessageContaining("it is a folder");
            assertThatThrownBy(() -> repository.commit("main",
                    tip -> Map.of("README.md/inner.yaml", new byte[] {1}), message("p")))
                    .isInstanceOf(InputException.class).hasMessageContaining("README.md in the repository: it is a file");
        }
        assertThat(GitCli.commitCount(bare)).isEqualTo(1);
    }

    @Test
    void shouldReadTheTipsFiles() throws Exception {
        try (GitOpsRepository repository = open("file://" + bare)) {
            RepositoryFiles tip = repository.tip("main");

            assertThat(tip.commit()).isEqualTo(git(bare, "rev-parse", "main").strip());
            assertThat(tip.read(VALUES)).get().extracting(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(FILES.get(VALUES));
            assertThat(tip.read("apps/missing.yaml")).isEmpty();
            assertThatThrownBy(() -> tip.read("apps/churn")).isInstanceOf(InputException.class)
                    .hasMessageContaining("apps/churn is a folder");
        }
    }

    @Test
    void shouldFindTheNewestCommitWithATrailerIncludingOnesWrittenByGit() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        git(work, "clone", "--quiet", bare.toString(), ".");
        Files.writeString(work.resolve("README.md"), "# by hand\n");
        git(work, "commit", "--quiet", "-am", "Manual promotion", "--trailer", "Promotion-Id: manual-7",
                "--trailer", "Signed-off-by: Ops <ops@example.com>");
        git(work, "push", "--quiet", "origin", "main");

        try (GitOpsRepository repository = open(bare.toString())) {
            CommitOutcome first = repository.commit("main", new SetValue(VALUES, "version", "3", "4"),
                    message("p-1"));
            repository.commit("main", new SetValue(VALUES, "version", "4", "5"), message("p-2"));

            Optional<CommitInfo> found = repository.findByTrailer("main", "promotion-id", "p-1");
            Optional<CommitInfo> manual = repository.findByTrailer("main", "Promotion-Id", "manual-7");

            assertThat(found).get().satisfies(info -> {
                assertThat(info.commit()).isEqualTo(first.commit());
                assertThat(info.trailers()).containsEntry("Promotion-Id", "p-1").containsEntry("ML-Model", "churn");
                assertThat(info.message()).startsWith("Promote churn 4 to prod");
            });
            assertThat(manual).get().extracting(CommitInfo::trailers).isEqualTo(Map.of("Promotion-Id", "manual-7",
                    "Signed-off-by", "Ops <ops@example.com>"));
            assertThat(repository.findByTrailer("main", "Promotion-Id", "p-9")).isEmpty();
            assertThat(repository.findByTrailer("main", "Promotion-Id", "p")).isEmpty();
        }
    }

    @Test
    void shouldPushAPullRequestBranchOnceAndReplaceOnlyItsOwn() throws Exception {
        String base = git(bare, "rev-parse", "main").strip();
        try (GitOpsRepository repository = open(bare.toString())) {
            SetValue change = new SetValue(VALUES, "version", "3", "4");
            CommitOutcome created = repository.commitToNewBranch("main", "mlgitops/prod/churn-4", change,
                    message("p-1"));
            CommitOutcome again = repository.commitToNewBranch("main", "mlgitops/prod/churn-4", change,
                    message("p-1"));

            assertThat(created.committed()).isTrue();
            assertThat(again).isEqualTo(new CommitOutcome(false, created.commit(), "mlgitops/prod/churn-4", 1));
            assertThat(git(bare, "rev-parse", "mlgitops/prod/churn-4").strip()).isEqualTo(created.commit());
            assertThat(git(bare, "rev-parse", "mlgitops/prod/churn-4~1").strip()).isEqualTo(base);
            assertThat(git(bare, "rev-parse", "main").strip()).isEqualTo(base);

            repository.commit("main", new SetValue("README.md", "note", null, "moved"), message("p-0"));
            CommitOutcome rebuilt = repository.commitToNewBranch("main", "mlgitops/prod/churn-4", change,
                    message("p-1"));
            assertThat(rebuilt.committed()).isTrue();
            assertThat(git(bare, "rev-parse", "mlgitops/prod/churn-4~1").strip())
                    .isEqualTo(git(bare, "rev-parse", "main").strip());

            assertThatThrownBy(() -> repository.commitToNewBranch("main", "mlgitops/prod/churn-4",
                    new SetValue(VALUES, "version", "3", "5"), message("p-2")))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("already exists with other commits");
        }
    }

    @Test
    void shouldNameAnUnknownBranchAndAMissingRepository() throws Exception {
        try (GitOpsRepository repository = open(bare.toString())) {
            assertThatThrownBy(() -> repository.tip("production"))
                    .isInstanceOf(InputException.class)
                    .hasMessage("Branch production does not exist in " + bare + ": check the branch name "
                            + "(refs/heads/production is not on the server).");
            assertThatThrownBy(() -> repository.tip("bad..name")).isInstanceOf(InputException.class)
                    .hasMessageContaining("'bad..name' is not a valid branch name");
        }
        try (GitOpsRepository missing = open(temp.resolve("nowhere.git").toString())) {
            assertThatThrownBy(() -> missing.tip("main"))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith("No Git repository at " + temp.resolve("nowhere.git"));
        }
    }

    @Test
    void shouldShareOneCachedCloneAndRebuildAHalfMadeOne() throws Exception {
        try (GitOpsRepository first = open(bare.toString())) {
            first.commit("main", new SetValue(VALUES, "version", "3", "4"), message("p-1"));
        }
        try (GitOpsRepository second = open("file://" + bare)) {
            second.commit("main", new SetValue(VALUES, "version", "4", "5"), message("p-2"));
        }
        try (var folders = Files.list(cache)) {
            assertThat(folders.map(path -> path.getFileName().toString()).sorted().toList())
                    .hasSize(4).anySatisfy(name -> assertThat(name).endsWith(".git"));
        }
        Path clone;
        try (var folders = Files.list(cache)) {
            clone = folders.filter(path -> path.toString().endsWith(".git"))
                    .filter(path -> GitCli.run(path, "config", "mlgitops.remote").output().strip()
                            .equals(bare.toString())).findFirst().orElseThrow();
        }
        Files.delete(clone.resolve("HEAD"));

        try (GitOpsRepository third = open(bare.toString())) {
            third.commit("main", new SetValue(VALUES, "version", "5", "6"), message("p-3"));
        }
        assertThat(GitCli.show(bare, VALUES)).isEqualTo("model: churn\nversion: 6\n");
        assertThat(GitCli.commitCount(bare)).isEqualTo(4);
    }

    @Test
    void shouldRefuseAPasswordInTheUrlWithoutShowingIt() {
        assertThatThrownBy(() -> GitOpsRepositories.open(settings("https://alice:s3cret@git.example.com/org/m.git")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("https://git.example.com/org/m.git holds a password")
                .message().doesNotContain("s3cret").doesNotContain("alice");
    }

    private GitOpsRepository open(final String remote) throws InputException {
        return GitOpsRepositories.open(settings(remote));
    }

    private RepositorySettings settings(final String remote) {
        return RepositorySettings.of(remote, cache).withProgress(new ProgressListener() {
            @Override
            public void info(final String line) {
                // not checked
            }

            @Override
            public void warn(final String line) {
                warnings.add(line);
            }
        });
    }

    private static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text);
        }
        catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    static CommitMessage message(final String promotionId) {
        return new CommitMessage("Promote churn 4 to prod", Map.of("ML-Model", "churn", "Promotion-Id", promotionId),
                "ML GitOps", "mlgitops@example.com");
    }
}
