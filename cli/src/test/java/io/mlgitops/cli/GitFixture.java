package io.mlgitops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare GitOps repository made and inspected with the real {@code git} command line.
 */
final class GitFixture {
    private final Path bare;

    private GitFixture(final Path bare) {
        this.bare = bare;
    }

    /** A bare repository whose {@code main} branch holds the files. */
    static GitFixture withFiles(final Path folder, final Map<String, String> files) throws IOException,
            InterruptedException {
        Path bare = folder.resolve("gitops.git");
        Path work = folder.resolve("seed");
        git(folder, "init", "--bare", "--initial-branch=main", bare.toString());
        git(folder, "clone", "-q", bare.toString(), work.toString());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = work.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        git(work, "add", "-A");
        git(work, "-c", "user.name=seed", "-c", "user.email=seed@example.com", "commit", "-q", "-m", "seed");
        git(work, "push", "-q", "origin", "HEAD:main");
        return new GitFixture(bare);
    }

    String url() {
        return bare.toUri().toString();
    }

    /** A file on {@code main}, as git stores it. */
    String show(final String path) throws IOException, InterruptedException {
        return git(bare, "show", "main:" + path);
    }

    String log(final String format) throws IOException, InterruptedException {
        return git(bare, "log", "--format=" + format, "main");
    }

    String tip() throws IOException, InterruptedException {
        return git(bare, "rev-parse", "main").strip();
    }

    static String git(final Path directory, final String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", args[0]).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
