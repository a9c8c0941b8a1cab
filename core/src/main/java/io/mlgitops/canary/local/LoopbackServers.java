package io.mlgitops.canary.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server on a free loopback port, with a pool of daemon threads: what the local servers run on.
 *
 * <p>The JDK's server writes a response's headers and body in two packets; with Nagle's algorithm on, the body then
 * waits for the client's delayed acknowledgement of the headers, about 40 ms on Linux, for every request. So this
 * class turns on {@value #NO_DELAY} (unless set otherwise), which the JDK reads when it creates its first server in
 * the process.</p>
 */
final class LoopbackServers {
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private LoopbackServers() {
    }

    /** @param what the server, for the message when no port can be bound */
    static HttpServer create(final String what) throws InputException {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        }
        catch (IOException cannotBind) {
            throw new InputException("Cannot start " + what + " on a loopback port (" + cannotBind.getMessage()
                    + "). Check that this machine allows listening on 127.0.0.1.", cannotBind);
        }
    }

    static ExecutorService threads(final int count, final String name) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(count, factory);
    }

    static URI uri(final HttpServer server, final String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
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

    static void stop(final HttpServer server, final ExecutorService threads) {
        server.stop(0);
        threads.shutdownNow();
    }
}
