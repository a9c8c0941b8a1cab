package io.mlgitops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real {@code mlflow server} from the test virtual environment on a free loopback port: SQLite backend and
 * artifact store in a temporary folder, artifact proxy on ({@code --serve-artifacts}), one worker and no job
 * runner (so that it starts in seconds). Optionally the {@code basic-auth} app with an admin user.
 */
public final class MlflowServer implements AutoCloseable {
    /** User name of the admin of a basic-auth server. */
    public static final String ADMIN = "admin";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REGISTER_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PythonProcess process;
    private final URI uri;
    private final Path folder;
    private final String adminPassword;

    private MlflowServer(final PythonProcess process, final URI uri, final Path folder, final String adminPassword) {
        this.process = process;
        this.uri = uri;
        this.folder = folder;
        this.adminPassword = adminPassword;
    }

    /** How a server is set up. */
    public enum Mode {
        /** Artifacts go through the server's proxy ({@code --serve-artifacts}), no authentication. */
        PROXIED_ARTIFACTS,
        /** No artifact proxy ({@code --no-serve-artifacts}): clients read and write the artifact folder directly. */
        DIRECT_ARTIFACTS,
        /** The {@code basic-auth} app (see {@link #basicAuthAvailable()}), artifact proxy on. */
        BASIC_AUTH
    }

    /** Starts a server with the artifact proxy and without authentication. */
    public static MlflowServer start() {
        return start(Mode.PROXIED_ARTIFACTS);
    }

    /**
     * Starts a server. A {@link Mode#BASIC_AUTH} server has the user {@link #ADMIN} with the password
     * {@link #adminPassword()}; other users have no default permission.
     */
    public static MlflowServer start(final Mode mode) {
        Path folder = createFolder();
        int port = PythonProcess.freePort();
        URI uri = URI.create("http://127.0.0.1:" + port);
        Path artifacts = folder.resolve("artifacts");
        List<String> arguments = new ArrayList<>(List.of("-m", "mlflow", "server", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--workers", "1",
                "--backend-store-uri", "sqlite:///" + folder.resolve("mlflow.db")));
        arguments.addAll(mode == Mode.DIRECT_ARTIFACTS
                ? List.of("--no-serve-artifacts", "--default-artifact-root", artifacts.toString())
                : List.of("--serve-artifacts", "--artifacts-destination", artifacts.toString()));
        Map<String, String> environment = new HashMap<>();
        environment.put("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false");
        environment.put("MLFLOW_TRACKING_URI", null);
        String password = null;
        if (mode == Mode.BASIC_AUTH) {
            password = "pw-" + UUID.randomUUID();
            arguments.addAll(List.of("--app-name", "basic-auth"));
            environment.put("MLFLOW_AUTH_CONFIG_PATH", writeAuthConfig(folder, password).toString());
            environment.put("MLFLOW_FLASK_SERVER_SECRET_KEY", UUID.randomUUID().toString());
        }
        PythonProcess process = PythonProcess.start(arguments, environment, folder.resolve("server.log"),
                uri.resolve("/health"), STARTUP_TIMEOUT);
        System.out.printf("MLflow server (%s) ready at %s after %.1f s%n", mode, uri,
                process.startup().toMillis() / 1000.0);
        return new MlflowServer(process, uri, folder, password);
    }

    /** Whether the virtual environment can run the basic-auth app (it needs Flask-WTF, from {@code mlflow[auth]}). */
    public static boolean basicAuthAvailable() {
        return runPython(List.of("-c", "import flask_wtf"), Map.of(), Duration.ofMinutes(1)).exitCode == 0;
    }

    public URI uri() {
        return uri;
    }

    /** The server's artifact store on disk, to compare downloads with. */
    public Path artifacts() {
        return folder.resolve("artifacts");
    }

    /** Time from the process start until {@code /health} answered. */
    public Duration startup() {
        return process.startup();
    }

    /** The admin password of a basic-auth server. */
    public String adminPassword() {
        return adminPassword;
    }

    /**
     * Logs and registers ONNX models with {@code register_model.py}, one new version per spec
     * {@code NAME=PATH[@ALIAS,...]} where PATH is an .onnx file or an MLflow model folder.
     */
    public List<RegisteredVersion> register(final String... specs) {
        Path script = folder.resolve("register_model.py");
        copyResource("register_model.py", script);
        List<String> arguments = new ArrayList<>(List.of(script.toString()));
        arguments.addAll(List.of(specs));
        Map<String, String> environment = new HashMap<>();
        environment.put("MLFLOW_TRACKING_URI", uri.toString());
        if (adminPassword != null) {
            environment.put("MLFLOW_TRACKING_USERNAME", ADMIN);
            environment.put("MLFLOW_TRACKING_PASSWORD", adminPassword);
        }
        Result result = runPython(arguments, environment, REGISTER_TIMEOUT);
        List<RegisteredVersion> versions = new ArrayList<>();
        for (String line : result.output.split("\n")) {
            if (line.startsWith("{")) {
                versions.add(parse(line));
            }
        }
        if (result.exitCode != 0 || versions.size() != specs.length) {
            fail("register_model.py failed with exit code " + result.exitCode + ":\n" + result.output);
        }
        return versions;
    }

    /**
     * Creates a user of a basic-auth server through MLflow's REST API, as the admin, and grants it
     * {@code permission} ({@code READ}, {@code EDIT}, {@code MANAGE}) on one registered model. MLflow 3.17 grants
     * per-user permissions through {@code /api/3.0/mlflow/users/permissions/grant}.
     */
    public void addUser(final String username, final String password, final String registeredModel,
            final String permission) {
        postAsAdmin("/api/2.0/mlflow/users/create", Map.of("username", username, "password", password));
        postAsAdmin("/api/3.0/mlflow/users/permissions/grant", Map.of("username", username,
                "resource_type", "registered_model", "resource_id", registeredModel, "permission", permission));
    }

    private void postAsAdmin(final String path, final Map<String, String> body) {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest request = HttpRequest.newBuilder(uri.resolve(path))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            fail("Interrupted: POST " + path);
        }
    }

    private static RegisteredVersion parse(final String line) {
        try {
            JsonNode json = JSON.readTree(line);
            return new RegisteredVersion(json.get("name").asText(), json.get("version").asText(),
                    json.get("source").asText());
        }
        catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        process.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runPython(final List<String> arguments, final Map<String, String> environment,
            final Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.python().toString());
        command.addAll(arguments);
        try {
            Path output = Files.createTempFile("mlgitops-python-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return fail("Timed out after " + timeout + ": " + command);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            }
            finally {
                Files.deleteIfExists(output);
            }
        }
        catch (IOException cannotRun) {
            throw new UncheckedIOException("Cannot run " + command, cannotRun);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fail("Interrupted: " + command);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("mlgitops-mlflow-");
        }
        catch (IOException noFolder) {
            throw new UncheckedIOException(noFolder);
        }
    }

    private static Path writeAuthConfig(final Path folder, final String password) {
        Path config = folder.resolve("basic_auth.ini");
        String text = String.join("\n", "[mlflow]", "default_permission = NO_PERMISSIONS",
                "database_uri = sqlite:///" + folder.resolve("basic_auth.db"),
                "admin_username = " + ADMIN, "admin_password = " + password,
                "authorization_function = mlflow.server.auth:authenticate_request_basic_auth", "");
        try {
            return Files.writeString(config, text, StandardCharsets.UTF_8);
        }
        catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    private static void copyResource(final String name, final Path target) {
        try (InputStream resource = MlflowServer.class.getResourceAsStream(name)) {
            if (resource == null) {
                fail("Missing test resource " + name + " next to " + MlflowServer.class.getName());
            }
            Files.copy(resource, target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException cannotCopy) {
            throw new UncheckedIOException(cannotCopy);
        }
    }
}
