package io.mlgitops.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.fail;

/**
 * A Python service of the test virtual environment (an MLflow server, a scoring server) running as a child process
 * until closed. Its output goes to a log file whose end is shown when it fails to start.
 */
public final class PythonProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Process process;
    private final Path log;
    private final Duration startup;

    private PythonProcess(final Process process, final Path log, final Duration startup) {
        this.process = process;
        this.log = log;
        this.startup = startup;
    }

    /**
     * Runs {@code python ARGS} with the virtual environment's {@code bin} folder first on the {@code PATH} and
     * waits until {@code health} answers 200.
     *
     * @param arguments the arguments after {@code python}
     * @param environment variables to set (a {@code null} value removes a variable)
     * @param log         file that receives standard output and error
     * @param health      URL that answers 200 once the service is ready
     * @param timeout     how long to wait for it
     */
    public static PythonProcess start(final List<String> arguments, final Map<String, String> environment,
            final Path log, final URI health, final Duration timeout) {
        Path python = TestEnvironment.python();
        List<String> command = new ArrayList<>();
        command.add(python.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PATH", python.getParent() + File.pathSeparator + env.getOrDefault("PATH", ""));
        environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            }
            else {
                env.put(name, value);
            }
        });
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException cannotStart) {
            throw new UncheckedIOException("Cannot start " + command, cannotStart);
        }
        try {
            return new PythonProcess(process, log, awaitHealthy(process, log, health, timeout, started));
        }
        catch (RuntimeException | AssertionError notStarted) {
            stop(process);
            throw notStarted;
        }
    }

    /** A TCP port that was free a moment ago on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        }
    }

    /** Time from the process start until the health URL answered. */
    public Duration startup() {
        return startup;
    }

    /** The last lines of the log. */
    public String logTail() {
        return tail(log);
    }

    private static String tail(final Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
        catch (IOException unreadable) {
            return "(log " + log + " unreadable: " + unreadable.getMessage() + ")";
        }
    }

    private static Duration awaitHealthy(final Process process, final Path log, final URI health,
            final Duration timeout, final long started) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Python service exited with code " + process.exitValue() + " before " + health
                        + " answered; log " + log + ":\n" + tail(log));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for " + health);
            }
            sleep();
        }
        return fail("Python service did not answer " + health + " within " + timeout + "; log " + log + ":\n"
                + tail(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process and every process it started (uvicorn workers). */
    @Override
    public void close() {
        stop(process);
    }

    private static void stop(final Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
            catch (ExecutionException | TimeoutException notStopped) {
                handle.destroyForcibly();
            }
        }
    }
}
