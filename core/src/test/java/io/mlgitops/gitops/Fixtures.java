package io.mlgitops.gitops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The manifests in src/test/resources/io/mlgitops/gitops and their expected edited forms in expected/. */
final class Fixtures {
    static final List<String> MANIFESTS = List.of("kustomization.yaml", "kustomization-flow.yaml",
            "kustomization-crlf.yaml", "kustomization-no-images.yaml", "values.yaml", "inferenceservice.yaml",
            "deployment-service.yaml");

    private Fixtures() {
    }

    static byte[] manifest(final String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + name);
            }
            return in.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static String expected(final String name) {
        return text(manifest("expected/" + name));
    }

    static String text(final byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
