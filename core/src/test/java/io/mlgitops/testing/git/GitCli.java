package io.mlgitops.testing.git;

import io.mlgitops.testing.TestEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} command line, to set up repositories and to check what landed in them independently of JGit. Runs
 * without the user's or the system's git configuration.
 */
public final class GitCli {
    private static final long TIMEOUT_SECONDS = 120;
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread reader = new Thread(task, "git-stderr");
        reader.setDaemon(true);
        return reader;
    });

    private GitCli() {
    }

    /** Fails in CI and skips elsewhere when {@code git} is not installed. */
    public static void require() {
        boolean found;
        try {
            found = new ProcessBuilder("git", "--version").redirectErrorStream(true).start()
                    .waitFor(30, TimeUnit.SECONDS);
        }
        catch (IOException notInstalled) {
            found = false;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            found = false;
        }
        TestEnvironment.requireService(found, "The git command line (Debian package git)");
    }

    /** The result of a command. */
    public record Result(int exitCode, String output, String error) {
    }

    /** Runs {@code git ARGS} in {@code directory}; fails unless it exits with 0; returns standard output. */
    public static String git(final Path directory, final String... arguments) {
        Result result = run(directory, arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", arguments) + " failed (" + result.exitCode() + "): "
                    + result.error());
        }
        return result.output();
    }

    /** Runs {@code git ARGS} in {@code directory} and returns what happened. */
    public static Result run(final Path directory, final String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        isolate(builder.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> error = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()),
                    READERS);
            String output = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", arguments) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output, error.get());
        }
        catch (IOException cannotRun) {
            throw new UncheckedIOException(cannotRun);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
        catch (ExecutionException failed) {
            throw new AssertionError(failed.getCause());
        }
    }

    /** Keeps the user's and the system's git configuration out of a git process. */
    public static void isolate(final Map<String, String> environment) {
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.remove("GIT_DIR");
        environment.remove("GIT_WORK_TREE");
    }

    /**
     * A bare repository {@code parent/name} whose branch {@code main} has one commit with {@code files}.
     */
    public static Path bareRepository(final Path parent, final String name, final Map<String, String> files) {
        try {
            Path bare = parent.resolve(name);
            Path work = Files.createTempDirectory(parent, "seed");
            git(parent, "init", "--bare", "--quiet", bare.toString());
            git(work, "init", "--quiet", ".");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = work.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            git(work, "add", "--all");
            git(work, "commit", "--quiet", "-m", "Initial manifests");
            git(work, "push", "--quiet", bare.toString(), "main");
            return bare;
        }
        catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    /** A file's content at the tip of {@code main} of a bare repository. */
    public static String show(final Path bare, final String path) {
        return git(bare, "show", "main:" + path);
    }

    /** The number of commits on {@code main}. */
    public static int commitCount(final Path bare) {
        return Integer.parseInt(git(bare, "rev-list", "--count", "main").strip());
    }

    /** The values of one trailer key in every commit of {@code main}, newest first. */
    public static List<String> trailerValues(final Path bare, final String key) {
        String output = git(bare, "log", "--format=%(trailers:key=" + key + ",valueonly,separator=%x00)", "main");
        List<String> values = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                values.add(line.strip());
            }
        }
        return values;
    }

    private static String read(final InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }
}
