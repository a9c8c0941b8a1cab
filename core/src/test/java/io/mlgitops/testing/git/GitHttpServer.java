package io.mlgitops.testing.git;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Git's own smart HTTP server, {@code git http-backend}, behind a small CGI bridge on the JDK's HTTP server, on a
 * free loopback port, with HTTP Basic authentication: a user name with its password, or any user name with a token
 * as the password. Repositories are the bare repositories under a root folder, at
 * {@code http://127.0.0.1:PORT/git/NAME}. Pushes need an authenticated user, as with http-backend behind a real web
 * server.
 */
public final class GitHttpServer implements AutoCloseable {
    private static final String CONTEXT = "/git";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ExecutorService pumps = Executors.newCachedThreadPool();
    private final Path root;
    private final Map<String, String> passwords;
    private final Set<String> tokens;
    private final AtomicInteger refused = new AtomicInteger();

    private GitHttpServer(final HttpServer server, final ExecutorService workers, final Path root,
            final Map<String, String> passwords, final Set<String> tokens) {
        this.server = server;
        this.workers = workers;
        this.root = root;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    /**
     * @param root      folder holding the bare repositories
     * @param passwords user names and their passwords
     * @param tokens    tokens accepted as the password of any user name
     */
    public static GitHttpServer start(final Path root, final Map<String, String> passwords, final Set<String> tokens) {
        GitCli.require();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService workers = Executors.newFixedThreadPool(48);
            server.setExecutor(workers);
            GitHttpServer git = new GitHttpServer(server, workers, root, Map.copyOf(passwords), Set.copyOf(tokens));
            server.createContext(CONTEXT, git::handle);
            server.start();
            return git;
        }
        catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** The URL of the bare repository {@code root/name}. */
    public String url(final String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + CONTEXT + "/" + name;
    }

    /** How many requests were answered 401 because their credentials were wrong. */
    public int refusedCredentials() {
        return refused.get();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> user = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user.isEmpty()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            runBackend(exchange, user.get());
        }
    }

    private Optional<String> authenticate(final String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        String user = colon < 0 ? pair : pair.substring(0, colon);
        String password = colon < 0 ? "" : pair.substring(colon + 1);
        if (password.equals(passwords.get(user)) || tokens.contains(password)) {
            return Optional.of(user);
        }
        refused.incrementAndGet();
        return Optional.empty();
    }

    private void runBackend(final HttpExchange exchange, final String user) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        GitCli.isolate(env);
        Headers headers = exchange.getRequestHeaders();
        String path = exchange.getRequestURI().getRawPath().substring(CONTEXT.length());
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", path);
        env.put("QUERY_STRING", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        copyHeader(headers, "Content-Type", env, "CONTENT_TYPE");
        copyHeader(headers, "Content-Length", env, "CONTENT_LENGTH");
        copyHeader(headers, "Content-Encoding", env, "HTTP_CONTENT_ENCODING");
        copyHeader(headers, "Git-Protocol", env, "GIT_PROTOCOL");
        Process process = builder.start();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> pump(exchange.getRequestBody(),
                process.getOutputStream()), pumps);
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()),
                pumps);
        try (InputStream output = process.getInputStream()) {
            int status = readCgiHeaders(output, exchange.getResponseHeaders());
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                output.transferTo(body);
            }
        }
        finally {
            input.join();
            errors.join();
            waitFor(process);
        }
    }

    private static void copyHeader(final Headers headers, final String header, final Map<String, String> env,
            final String variable) {
        String value = headers.getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    /** Reads the CGI header lines into the response headers; returns the status (from {@code Status:}). */
    private static int readCgiHeaders(final InputStream output, final Headers response) throws IOException {
        int status = 200;
        while (true) {
            String line = readLine(output);
            if (line.isEmpty()) {
                return status;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if ("status".equals(name.toLowerCase(Locale.ROOT))) {
                status = Integer.parseInt(value.substring(0, 3));
            }
            else {
                response.add(name, value);
            }
        }
    }

    private static String readLine(final InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pump(final InputStream from, final OutputStream to) {
        try (from; to) {
            from.transferTo(to);
        }
        catch (IOException closedEarly) {
            // the backend stopped reading: its answer says why
        }
    }

    private static byte[] drain(final InputStream errors) {
        try (errors) {
            return errors.readAllBytes();
        }
        catch (IOException closed) {
            return new byte[0];
        }
    }

    private static void waitFor(final Process process) {
        try {
            process.waitFor();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        pumps.shutdownNow();
    }
}
