package io.mlgitops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real Prometheus server ({@code MLGITOPS_PROMETHEUS}, or {@code .cache/prometheus/usr/bin/prometheus} from
 * {@code scripts/provision-prometheus.sh}) on a free loopback port, with its storage in a temporary folder, scraping
 * static targets every second. {@link #start} returns once Prometheus is ready and every target is up.
 */
public final class PrometheusServer implements AutoCloseable {
    /** The scrape and evaluation interval. */
    public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI uri;
    private final Path folder;
    private final Duration startup;

    private PrometheusServer(final Process process, final URI uri, final Path folder, final Duration startup) {
        this.process = process;
        this.uri = uri;
        this.folder = folder;
        this.startup = startup;
    }

    /** The Prometheus binary; fails in CI and skips elsewhere when it is missing. */
    public static Path binary() {
        String configured = System.getenv("MLGITOPS_PROMETHEUS");
        Path binary = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : TestEnvironment.repositoryRoot().resolve(".cache/prometheus/usr/bin/prometheus");
        TestEnvironment.requireService(Files.isExecutable(binary), "Prometheus server " + binary
                + " (scripts/provision-prometheus.sh puts it there)");
        return binary;
    }

    /**
     * Starts Prometheus scraping the given {@code /metrics} URLs every second and waits until all of them are up.
     *
     * @param targets {@code http://host:port/metrics} URLs
     */
    public static PrometheusServer start(final List<URI> targets) {
        Path binary = binary();
        Path folder = createFolder();
        int port = PythonProcess.freePort();
        URI uri = URI.create("http://127.0.0.1:" + port);
        Path config = writeConfig(folder, targets);
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException cannotStart) {
            throw new UncheckedIOException("Cannot start " + binary, cannotStart);
        }
        PrometheusServer server = new PrometheusServer(process, uri, folder, Duration.ZERO);
        try {
            server.awaitReady(started);
            server.awaitTargetsUp(targets.size(), started);
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Prometheus ready at %s with %d targets up after %.1f s%n", uri, targets.size(),
                    startup.toMillis() / 1000.0);
            return new PrometheusServer(process, uri, folder, startup);
        }
        catch (RuntimeException | AssertionError notStarted) {
            server.close();
            throw notStarted;
        }
    }

    public URI uri() {
        return uri;
    }

    /** Time from the process start until every target was up. */
    public Duration startup() {
        return startup;
    }

    private static Path writeConfig(final Path folder, final List<URI> targets) {
        String list = targets.stream().map(target -> "'" + target.getHost() + ":" + target.getPort() + "'")
                .collect(Collectors.joining(", "));
        String config = String.join("\n",
                "global:",
                "  scrape_interval: " + SCRAPE_INTERVAL.toSeconds() + "s",
                "  scrape_timeout: " + SCRAPE_INTERVAL.toSeconds() + "s",
                "  evaluation_interval: " + SCRAPE_INTERVAL.toSeconds() + "s",
                "scrape_configs:",
                "  - job_name: model-servers",
                "    metrics_path: /metrics",
                "    static_configs:",
                "      - targets: [" + list + "]",
                "");
        try {
            return Files.writeString(folder.resolve("prometheus.yml"), config, StandardCharsets.UTF_8);
        }
        catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    private void awaitReady(final long started) {
        poll(started, "/-/ready answers 200", () -> get("/-/ready").statusCode() == 200);
    }

    private void awaitTargetsUp(final int expected, final long started) {
        poll(started, expected + " targets up", () -> {
            HttpResponse<String> answer = get("/api/v1/targets?state=active");
            if (answer.statusCode() != 200) {
                return false;
            }
            List<String> health = new ArrayList<>();
            JSON.readTree(answer.body()).path("data").path("activeTargets")
                    .forEach(target -> health.add(target.path("health").asText()));
            return health.size() == expected && health.stream().allMatch("up"::equals);
        });
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }

    private void poll(final long started, final String what, final Condition condition) {
        long deadline = started + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Prometheus exited with code " + process.exitValue() + " before " + what + "; log:\n" + log());
            }
            try {
                if (condition.holds()) {
                    return;
                }
                Thread.sleep(100);
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting until " + what);
            }
        }
        fail("Prometheus at " + uri + ": not " + what + " within " + STARTUP_TIMEOUT + "; log:\n" + log());
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The series Prometheus holds for a selector right now, for diagnostics. */
    public JsonNode series(final String selector) {
        try {
            HttpResponse<String> answer = get("/api/v1/series?match[]="
                    + URLEncoder.encode(selector, StandardCharsets.UTF_8));
            return JSON.readTree(answer.body()).path("data");
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while asking for series " + selector);
        }
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("prometheus.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }
        catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    /** Stops Prometheus and deletes its folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("mlgitops-prometheus-");
        }
        catch (IOException noFolder) {
            throw new UncheckedIOException(noFolder);
        }
    }
}
