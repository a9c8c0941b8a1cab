package io.mlgitops.jmh.gitops;

import io.mlgitops.gitops.RetryPolicy;
import io.mlgitops.net.Backoff;
import io.mlgitops.testing.git.GitCli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Promotions the way a pipeline script makes them with the git command line: a working clone per writer, then for
 * each promotion {@code git pull --rebase}, edit the file, {@code git commit -a}, {@code git push}, and on a rejected
 * push pull again and push again, with the same jittered backoff and attempts as the engine.
 */
final class GitCliPromoter implements Promoter {
    private final String remote;
    private final List<String> authentication;
    private final Path root;
    private final RetryPolicy retry;

    /**
     * @param authentication {@code -c} options for git (an {@code http.extraHeader}), or none
     */
    GitCliPromoter(final String remote, final List<String> authentication, final Path root, final RetryPolicy retry) {
        this.remote = remote;
        this.authentication = authentication;
        this.root = root;
        this.retry = retry;
    }

    @Override
    public void prepare(final int writer) {
        git(root, "clone", "--quiet", "--branch", "main", remote, clone(writer).toString());
    }

    @Override
    public int promote(final int writer, final TagEdit edit, final String promotionId) throws Exception {
        Path work = clone(writer);
        for (int attempt = 1; ; attempt++) {
            git(work, "pull", "--quiet", "--rebase", "origin", "main");
            Path file = work.resolve(edit.path());
            String edited = edit.edit(Files.readString(file, StandardCharsets.UTF_8));
            if (edited != null) {
                Files.writeString(file, edited, StandardCharsets.UTF_8);
                git(work, "commit", "--quiet", "-a", "-m", "Promote " + edit.path() + " to " + edit.after(),
                        "--trailer", "Promotion-Id: " + promotionId);
            }
            GitCli.Result push = GitCli.run(work, with("push", "--quiet", "origin", "main"));
            if (push.exitCode() == 0) {
                return attempt;
            }
            if (attempt >= retry.maxAttempts()) {
                throw new IllegalStateException("git push failed " + attempt + " times: " + push.error());
            }
            Thread.sleep(new Backoff(retry.initialBackoff(), retry.maxBackoff(), ThreadLocalRandom.current())
                    .delay(attempt).toMillis());
        }
    }

    private Path clone(final int writer) {
        return root.resolve("clone-" + writer);
    }

    private void git(final Path directory, final String... arguments) {
        GitCli.git(directory, with(arguments));
    }

    private String[] with(final String... arguments) {
        List<String> all = new ArrayList<>(authentication);
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    @Override
    public void close() {
        // the clones are deleted with the benchmark's folder
    }
}
