package io.mlgitops.canary.local;

import com.sun.net.httpserver.HttpExchange;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.Variant;
import io.mlgitops.net.JsonBodies;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reverse proxy on a free loopback port that sends each request to the stable or the canary server by weight. The
 * choice is a deterministic, evenly spread schedule rather than a coin: with canary weight {@code w}, request
 * {@code n} goes to the canary when {@code (n * w) mod 100 < w}, so exactly {@code w} of every 100 consecutive
 * requests do, and a 1 % canary gets its first request at once. Answers carry the variant in
 * {@value #VARIANT_HEADER}; an unreachable server is answered with HTTP 502.
 */
final class WeightedSplit implements AutoCloseable {
    static final String VARIANT_HEADER = "X-Mlgitops-Variant";
    private static final int THREADS = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LoopbackServer http;
    private final Map<Variant, URI> upstreams;
    private final HttpClient client;
    private final AtomicLong requests = new AtomicLong();
    private final Map<Variant, AtomicLong> routed = new EnumMap<>(Variant.class);
    private volatile int weight;

    private WeightedSplit(final LoopbackServer http, final Map<Variant, URI> upstreams) {
        this.http = http;
        this.upstreams = upstreams;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (Variant variant : Variant.values()) {
            routed.put(variant, new AtomicLong());
        }
    }

    /**
     * @param stable the stable server's base URL
     * @param canary the canary server's base URL
     */
    static WeightedSplit start(final URI stable, final URI canary) throws InputException {
        Map<Variant, URI> upstreams = new EnumMap<>(Variant.class);
        upstreams.put(Variant.STABLE, stable);
        upstreams.put(Variant.CANARY, canary);
        WeightedSplit split = new WeightedSplit(LoopbackServer.bind("traffic split", THREADS), upstreams);
        split.http.start(Map.of("/", split::forward));
        return split;
    }

    URI uri(final String path) {
        return http.uri(path);
    }

    int weight() {
        return weight;
    }

    /** @param canaryWeight 0 to 100 */
    void setWeight(final int canaryWeight) {
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canary weight must be 0 to 100: " + canaryWeight);
        }
        this.weight = canaryWeight;
    }

    /** Requests sent to a variant so far. */
    long routed(final Variant variant) {
        return routed.get(variant).get();
    }

    /** Which variant gets request number {@code n} at canary weight {@code w}. */
    static Variant choose(final long n, final int w) {
        return (n * w) % 100 < w ? Variant.CANARY : Variant.STABLE;
    }

    private void forward(final HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Variant variant = choose(requests.getAndIncrement(), weight);
            routed.get(variant).incrementAndGet();
            exchange.getResponseHeaders().set(VARIANT_HEADER, variant.label());
            URI target = upstreams.get(variant).resolve(exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?"
                    + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            relay(exchange, request.build(), variant);
        }
    }

    private void relay(final HttpExchange exchange, final HttpRequest request, final Variant variant)
            throws IOException {
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            LoopbackServer.send(exchange, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse("application/octet-stream"), answer.body());
        }
        catch (IOException unreachable) {
            LoopbackServer.send(exchange, 502, "application/json", JsonBodies.write(Map.of("error",
                    "the " + variant.label() + " server did not answer: " + unreachable))
                    .getBytes(StandardCharsets.UTF_8));
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LoopbackServer.send(exchange, 503, "application/json", new byte[0]);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
