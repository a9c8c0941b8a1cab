package io.mlgitops.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * Locates what the tests need outside the JVM: the repository root (for {@code examples/}), the Python virtual
 * environment and the headless Chromium provisioned by {@code scripts/test.sh}. A missing service fails the test in
 * CI ({@code CI} set) and skips it elsewhere, with a message saying how to provision it.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    /** The repository root: {@code MLGITOPS_REPO_ROOT}, or the nearest parent holding {@code examples/}. */
    public static Path repositoryRoot() {
        String configured = System.getenv("MLGITOPS_REPO_ROOT");
        if (configured != null && Files.isDirectory(Paths.get(configured, "examples"))) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path current = Paths.get("").toAbsolutePath();
        while (current != null) {
            if (Files.isDirectory(current.resolve("examples")) && Files.exists(current.resolve("pom.xml"))) {
                return current;
            }
            current = current.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (a folder with pom.xml and examples/); "
                + "set MLGITOPS_REPO_ROOT");
    }

    /** A file under {@code examples/}. */
    public static Path example(final String relativePath) {
        Path path = repositoryRoot().resolve("examples").resolve(relativePath);
        if (!Files.exists(path)) {
            fail("Missing example file " + path + "; regenerate examples with scripts/make-examples.py");
        }
        return path;
    }

    public static boolean runningInCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
    }

    /**
     * The Python interpreter of the test virtual environment ({@code MLGITOPS_PYTHON}, or
     * {@code .cache/venv/bin/python} under the repository root).
     */
    public static Path python() {
        String configured = System.getenv("MLGITOPS_PYTHON");
        Path python = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : repositoryRoot().resolve(".cache/venv/bin/python");
        requireService(Files.isExecutable(python), "Python virtual environment " + python);
        return python;
    }

    /**
     * The Chromium browser for headless page tests ({@code MLGITOPS_CHROMIUM}, or {@code chromium} on the
     * {@code PATH}, which {@code scripts/provision-chromium.sh} installs from Debian's package).
     */
    public static Path chromium() {
        String configured = System.getenv("MLGITOPS_CHROMIUM");
        Optional<Path> browser = configured != null && !configured.isBlank()
                ? Optional.of(Paths.get(configured))
                : onPath("chromium", "chromium-browser");
        requireService(browser.filter(Files::isExecutable).isPresent(), "Chromium "
                + (configured == null || configured.isBlank() ? "(chromium on the PATH)" : configured)
                + " (scripts/provision-chromium.sh installs Debian's chromium package; MLGITOPS_CHROMIUM names "
                + "another binary)");
        return browser.orElseThrow();
    }

    private static Optional<Path> onPath(final String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Paths.get(folder, name);
                if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Fails in CI and skips elsewhere when a service the test needs is missing. */
    public static void requireService(final boolean available, final String service) {
        if (available) {
            return;
        }
        String message = service + " is not available. Provision the test environment with scripts/test.sh "
                + "(it creates .cache/venv with the pinned PyPI packages, puts Prometheus under "
                + ".cache/prometheus and installs Chromium).";
        if (runningInCi()) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
