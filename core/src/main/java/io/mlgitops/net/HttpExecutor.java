package io.mlgitops.net;

import io.mlgitops.api.errors.InputException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Sends HTTP requests with the timeouts of {@link HttpSettings} and retries what may succeed on a second try:
 * connection failures, timeouts, 429 and 5xx answers. Between attempts it waits a jittered, exponentially growing
 * time, or what the server's {@code Retry-After} asks, but never longer than {@link HttpSettings#maxBackoff()}.
 * Other answers, 4xx in particular, are returned at once.
 */
public final class HttpExecutor {
    private final HttpClient client;
    private final HttpSettings settings;
    private final String hint;
    private final Sleeper sleeper;
    private final Backoff backoff;

    /**
     * @param settings timeouts and retry policy
     * @param hint     what the user should check when the server cannot be reached, e.g. {@code "Is the server
     *                 running? Check --mlflow-url or MLFLOW_TRACKING_URI."}
     */
    public HttpExecutor(final HttpSettings settings, final String hint) {
        this(settings, hint, Sleeper.THREAD, new SplittableRandom());
    }

    /** With an injected sleeper and jitter source, for tests. */
    public HttpExecutor(final HttpSettings settings, final String hint, final Sleeper sleeper,
            final RandomGenerator jitter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hint = Objects.requireNonNull(hint, "hint");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), jitter);
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public HttpSettings settings() {
        return settings;
    }

    /** A request builder for {@code uri} with the request timeout set. */
    public HttpRequest.Builder request(final URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout());
    }

    /**
     * Sends the request, retrying retryable failures. The request's body publisher must be repeatable.
     *
     * @return the first non-retryable response, or the last response when every attempt got a retryable status
     * @throws InputException when no attempt got a response; the message names the URL (without secrets), the
     *                        cause and what to check
     */
    public <T> HttpResponse<T> send(final HttpRequest request, final HttpResponse.BodyHandler<T> handler)
            throws InputException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<T> response = client.send(request, handler);
                if (!isRetryable(response.statusCode()) || attempt == settings.maxAttempts()) {
                    return response;
                }
                Optional<Duration> asked = retryAfter(response);
                discard(response);
                pause(asked.isPresent() ? asked.get() : backoff(attempt), request);
            }
            catch (SSLException tlsFailure) {
                throw new InputException(String.format("TLS handshake with %s failed: %s. Check the URL's scheme "
                        + "and the server certificate.", Urls.redact(request.uri()), tlsFailure.getMessage()),
                        tlsFailure);
            }
            catch (IOException failure) {
                if (attempt == settings.maxAttempts()) {
                    throw new InputException(String.format("Cannot reach %s (%s; %d attempt%s). %s",
                            Urls.redact(request.uri()), NetworkFailures.describe(failure, settings), attempt,
                            attempt == 1 ? "" : "s", hint), failure);
                }
                pause(backoff(attempt), request);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new InputException("Interrupted while calling " + Urls.redact(request.uri()), interrupted);
            }
        }
    }

    private void pause(final Duration wait, final HttpRequest request) throws InputException {
        try {
            sleeper.sleep(wait);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InputException("Interrupted while waiting to retry " + Urls.redact(request.uri()),
                    interrupted);
        }
    }

    /** Jittered exponential backoff before retry number {@code attempt}: a random wait in [d/2, d]. */
    Duration backoff(final int attempt) {
        return backoff.delay(attempt);
    }

    private Optional<Duration> retryAfter(final HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .flatMap(HttpExecutor::parseRetryAfter)
                .map(wait -> wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait);
    }

    private static Optional<Duration> parseRetryAfter(final String value) {
        String trimmed = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
        }
        catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            }
            catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static boolean isRetryable(final int status) {
        return status == 429 || status >= 500;
    }

    private static void discard(final HttpResponse<?> response) {
        if (response.body() instanceof InputStream stream) {
            try {
                stream.close();
            }
            catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }
}
