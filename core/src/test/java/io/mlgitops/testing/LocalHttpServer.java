package io.mlgitops.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JDK's HTTP server on a free loopback port, for tests of what real servers do not do on demand (fail, stall,
 * send malicious paths). Every request is recorded.
 */
public final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Response> failures = new ConcurrentLinkedQueue<>();

    /**
     * A request as received: method, path with query, {@code Authorization} header, body, and the first value of
     * every header by lower-case name.
     */
    public record Request(String method, String pathAndQuery, String authorization, String body,
            Map<String, String> headers) {
        /** The first value of a header, or {@code null}. */
        public String header(final String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer. */
    public record Response(int status, String body, Map<String, String> headers) {
        public static Response json(final int status, final String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"));
        }

        public static Response text(final int status, final String body) {
            return new Response(status, body, Map.of("Content-Type", "text/plain"));
        }
    }

    /** Computes the answer to a request. */
    @FunctionalInterface
    public interface Responder {
        Response respond(Request request) throws IOException;
    }

    private LocalHttpServer(final HttpServer server) {
        this.server = server;
    }

    public static LocalHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.start();
            return new LocalHttpServer(server);
        }
        catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** Answers requests whose path starts with {@code pathPrefix}. */
    public LocalHttpServer on(final String pathPrefix, final Responder responder) {
        server.createContext(pathPrefix, exchange -> answer(exchange, responder));
        return this;
    }

    /** The next {@code count} requests get {@code failure} instead of their responder's answer (and are recorded). */
    public LocalHttpServer failNext(final int count, final Response failure) {
        for (int i = 0; i < count; i++) {
            failures.add(failure);
        }
        return this;
    }

    public URI uri(final String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(final HttpExchange exchange, final Responder responder) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            Request request = new Request(exchange.getRequestMethod(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, Map.copyOf(headers));
            requests.add(request);
            Response failure = failures.poll();
            Response response = failure != null ? failure : responder.respond(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
