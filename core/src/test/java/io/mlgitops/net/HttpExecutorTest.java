package io.mlgitops.net;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.testing.LocalHttpServer;
import io.mlgitops.testing.LocalHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpExecutorTest {
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
            Duration.ofMillis(100), Duration.ofMillis(250));
    private static final String HINT = "Is the server running? Check --mlflow-url or MLFLOW_TRACKING_URI.";

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final LocalHttpServer server = LocalHttpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpExecutor executor(final HttpSettings settings, final RandomGenerator jitter) {
        return new HttpExecutor(settings, HINT, sleeps::add, jitter);
    }

    private HttpResponse<String> get(final HttpExecutor executor, final URI uri) throws InputException {
        return executor.send(executor.request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRetryServiceUnavailableThenSucceed() throws InputException {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", request -> calls.incrementAndGet() <= 2
                ? Response.text(503, "busy") : Response.text(200, "done"));

        HttpResponse<String> response = get(executor(FAST, new SplittableRandom(1)), server.uri("/flaky"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThat(calls).hasValue(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldNotRetryClientErrors() throws InputException {
        server.on("/bad", request -> Response.json(400, "{\"message\": \"bad\"}"));

        HttpResponse<String> response = get(executor(FAST, new SplittableRandom(1)), server.uri("/bad"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldReturnLastRetryableAnswerWhenAttemptsRunOut() throws InputException {
        server.on("/down", request -> Response.text(502, "bad gateway"));

        HttpResponse<String> response = get(executor(FAST, new SplittableRandom(1)), server.uri("/down"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void shouldWaitWhatRetryAfterAsksUpToTheMaximumBackoff() throws InputException {
        AtomicInteger calls = new AtomicInteger();
        server.on("/limited", request -> switch (calls.incrementAndGet()) {
            case 1 -> new Response(429, "slow down", Map.of("Retry-After", "0"));
            case 2 -> new Response(429, "slow down", Map.of("Retry-After", "3600"));
            default -> Response.text(200, "ok");
        });

        HttpResponse<String> response = get(executor(FAST, new SplittableRandom(1)),
                server.uri("/limited"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sleeps).containsExactly(Duration.ZERO, Duration.ofMillis(250));
    }

    @Test
    void shouldBackOffExponentiallyWithJitterBelowTheCap() {
        HttpExecutor lowest = executor(FAST, () -> 0L);
        HttpExecutor highest = executor(FAST, () -> -1L);

        assertThat(List.of(lowest.backoff(1), lowest.backoff(2), lowest.backoff(3), lowest.backoff(9)))
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(125),
                        Duration.ofMillis(125));
        assertThat(List.of(highest.backoff(1), highest.backoff(2), highest.backoff(3), highest.backoff(40)))
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(250)))
                .containsExactly(Duration.ofMillis(99), Duration.ofMillis(199), Duration.ofMillis(249),
                        Duration.ofMillis(249));
    }

    @Test
    void shouldTimeOutAndNameTheUrlWithoutItsQuery() {
        server.on("/slow", request -> {
            try {
                Thread.sleep(1500);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return Response.text(200, "late");
        });
        HttpSettings impatient = FAST.withRequestTimeout(Duration.ofMillis(200)).withMaxAttempts(2);
        URI uri = URI.create(server.uri("/slow") + "?token=s3cr3t");

        assertThatThrownBy(() -> get(executor(impatient, new SplittableRandom(1)), uri))
                .isInstanceOf(InputException.class)
                .hasMessage("Cannot reach %s (no response within 200 ms; 2 attempts). %s", server.uri("/slow"), HINT)
                .hasMessageNotContaining("s3cr3t");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldExplainARefusedConnection() {
        URI closed = server.uri("/gone");
        server.close();

        assertThatThrownBy(() -> get(executor(FAST.withMaxAttempts(3), new SplittableRandom(1)), closed))
                .isInstanceOf(InputException.class)
                .hasMessage("Cannot reach %s (connection refused; 3 attempts). %s", closed, HINT);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldRejectInconsistentSettings() {
        assertThatThrownBy(() -> FAST.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FAST.withRequestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
