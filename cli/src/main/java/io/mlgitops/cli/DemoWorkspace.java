package io.mlgitops.cli;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's folder: the embedded example files copied out of the jar, the local GitOps repository, the reports and
 * the page. A folder given with {@code --workdir} must be new or empty and is always kept; a temporary one is
 * removed at the end unless {@code --keep}.
 */
final class DemoWorkspace {
    static final String CHURN_RESOURCES = "/demo/churn/";
    static final String GITOPS_RESOURCES = "/demo/gitops/";
    static final List<String> CHURN_FILES = List.of("test.csv", "train.csv", "champion.onnx", "candidate.onnx",
            "candidate-degraded.onnx", "model-card.yaml", "security/trivy-serving-image.json",
            "security/sbom.cdx.json", "policies/churn-waivers.yaml");
    static final List<String> GITOPS_FILES = List.of("base/kustomization.yaml", "base/deployment.yaml",
            "base/service.yaml", "environments/dev/kustomization.yaml", "environments/staging/kustomization.yaml",
            "environments/production/kustomization.yaml");

    private final Path root;
    private final boolean temporary;

    private DemoWorkspace(final Path root, final boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /**
     * @param workdir the folder given with {@code --workdir}, or {@code null} for a new temporary one
     * @throws InputException when the folder is not empty or cannot be written
     */
    static DemoWorkspace prepare(final Path workdir) throws InputException {
        try {
            Path folder;
            if (workdir == null) {
                folder = Files.createTempDirectory("mlgitops-demo-");
            }
            else {
                folder = Files.createDirectories(workdir);
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new InputException(workdir + " is not empty. Give the demo a new or empty folder "
                                + "with --workdir: it creates a git repository there.");
                    }
                }
            }
            DemoWorkspace workspace = new DemoWorkspace(folder.toAbsolutePath(), workdir == null);
            for (String file : CHURN_FILES) {
                Path target = workspace.churn().resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, resource(CHURN_RESOURCES + file));
            }
            Files.createDirectories(workspace.reports());
            return workspace;
        }
        catch (IOException e) {
            throw new InputException("Cannot prepare the demo workspace" + (workdir == null ? "" : " " + workdir)
                    + ": " + e.getMessage() + ". Choose a writable folder with --workdir.", e);
        }
    }

    /** The GitOps template ({@code examples/gitops}), by path in the repository. */
    static Map<String, byte[]> gitopsTemplate() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : GITOPS_FILES) {
            files.put(file, resource(GITOPS_RESOURCES + file));
        }
        return files;
    }

    private static byte[] resource(final String name) throws IOException {
        try (InputStream resource = DemoWorkspace.class.getResourceAsStream(name)) {
            if (resource == null) {
                throw new IllegalStateException("The demo file " + name + " is missing from the jar; rebuild it "
                        + "with ./mvnw package");
            }
            return resource.readAllBytes();
        }
    }

    Path root() {
        return root;
    }

    boolean temporary() {
        return temporary;
    }

    Path churn() {
        return root.resolve("churn");
    }

    Path reports() {
        return root.resolve("reports");
    }

    Path report(final String name) {
        return reports().resolve(name + ".json");
    }

    /** The bare repository promotions push to. */
    Path gitopsBare() {
        return root.resolve("gitops.git");
    }

    /** A working clone of it, to look at the manifests and the history. */
    Path gitopsWorkingCopy() {
        return root.resolve("gitops");
    }

    /** The engine's own clones of the repository. */
    Path gitCache() {
        return root.resolve(".cache").resolve("git");
    }

    Path canaryState() {
        return root.resolve("canary-state.json");
    }

    /** Deletes the whole folder. */
    void delete() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes)
                    throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path directory, final IOException failure)
                    throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
