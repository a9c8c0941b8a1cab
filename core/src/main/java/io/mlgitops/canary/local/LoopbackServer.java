package io.mlgitops.canary.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on a free loopback port, answering on a pool of daemon threads: what the local servers run
 * on. Bound first, started once its owner can handle requests.
 *
 * <p>The JDK's server writes a response's headers and body in two packets; with Nagle's algorithm on, the body then
 * waits for the client's delayed acknowledgement of the headers, about 40 ms on Linux, for every request. So this
 * class turns on {@value #NO_DELAY} (unless set otherwise), which the JDK reads when it creates its first server in
 * the process.</p>
 */
final class LoopbackServer implements AutoCloseable {
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService threads;

    private LoopbackServer(final HttpServer http, final ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    /**
     * @param name    the server, for thread names and the message when no port can be bound
     * @param threads how many requests it answers at once
     */
    static LoopbackServer bind(final String name, final int threads) throws InputException {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        }
        catch (IOException cannotBind) {
            throw new InputException("Cannot start the " + name + " on a loopback port (" + cannotBind.getMessage()
                    + "). Check that this machine allows listening on 127.0.0.1.", cannotBind);
        }
        return new LoopbackServer(http, Executors.newFixedThreadPool(threads,
                DaemonThreads.named("mlgitops-" + name.replace(' ', '-'))));
    }

    /** Starts answering, each path prefix with its handler. */
    void start(final Map<String, HttpHandler> handlers) {
        handlers.forEach(http::createContext);
        http.setExecutor(threads);
        http.start();
    }

    URI uri(final String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    static void send(final HttpExchange exchange, final int status, final String contentType, final byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
