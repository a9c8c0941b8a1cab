package io.mlgitops.jmh.gitops;

import io.mlgitops.testing.git.GitCli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A generated GitOps monorepo: {@code apps/<name>/base} (a Deployment and a kustomization with an {@code images}
 * entry) and one overlay per environment, {@code environments/<env>/<name>/kustomization.yaml}, whose
 * {@code images} entry a promotion changes.
 */
final class Monorepo {
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    static final String INITIAL_TAG = "v1.0.0";

    private Monorepo() {
    }

    static String app(final int index) {
        return String.format(Locale.ROOT, "model-%03d", index);
    }

    /** The file a promotion of {@code app} into {@code environment} edits. */
    static String overlay(final String environment, final int app) {
        return "environments/" + environment + "/" + app(app) + "/kustomization.yaml";
    }

    /** Writes the files of {@code apps} applications into {@code work} and commits them to a new bare repository. */
    static Path create(final Path parent, final int apps) throws IOException {
        Path work = Files.createDirectories(parent.resolve("monorepo-work"));
        GitCli.git(work, "init", "--quiet", ".");
        for (int index = 0; index < apps; index++) {
            String name = app(index);
            write(work.resolve("apps/" + name + "/base/kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/"
                    + "v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\nimages:\n  - name: registry."
                    + "example.com/ml/" + name + "\n    newTag: " + INITIAL_TAG + "\n");
            write(work.resolve("apps/" + name + "/base/deployment.yaml"), deployment(name));
            for (String environment : ENVIRONMENTS) {
                write(work.resolve(overlay(environment, index)), "# " + name + " in " + environment + "\n"
                        + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                        + "  - ../../../apps/" + name + "/base\nnamespace: ml-" + environment + "\nimages:\n"
                        + "  - name: registry.example.com/ml/" + name + "\n    newTag: " + INITIAL_TAG + "\n");
            }
        }
        GitCli.git(work, "add", "--all");
        GitCli.git(work, "commit", "--quiet", "-m", "Generated monorepo of " + apps + " applications");
        Path bare = parent.resolve("monorepo-template.git");
        GitCli.git(parent, "clone", "--quiet", "--bare", work.toString(), bare.toString());
        return bare;
    }

    private static String deployment(final String name) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  labels:\n    app: " + name
                + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: " + name + "\n  template:\n"
                + "    metadata:\n      labels:\n        app: " + name + "\n    spec:\n      containers:\n"
                + "        - name: server\n          image: registry.example.com/ml/" + name + "\n"
                + "          ports:\n            - containerPort: 8080\n          resources:\n"
                + "            requests: {cpu: 250m, memory: 512Mi}\n            limits: {cpu: '1', memory: 1Gi}\n";
    }

    private static void write(final Path file, final String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
