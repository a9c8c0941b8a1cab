package io.mlgitops.gitops;

import java.util.Objects;

/**
 * One change to a manifest in the GitOps repository. Values may hold {@code {{model}}}, {@code {{version}}},
 * {@code {{environment}}} and {@code {{alias}}}, rendered before the edit is applied.
 */
public sealed interface ManifestEdit {
    /** The file, relative to the repository root, with forward slashes. */
    String file();

    /** A short description for messages and reports, such as {@code images[churn-model]} or {@code model.version}. */
    String path();

    /**
     * Sets a kustomization's {@code images} entry for {@code image}, like {@code kustomize edit set image}: the
     * entry is added when absent; {@code newName} is written only when it differs from {@code image}; either
     * {@code newTag} or {@code digest} (a {@code sha256:...} value) is set.
     *
     * @param file    the kustomization file
     * @param image   the image name the entry matches ({@code name:})
     * @param newName the replacement image name, or {@code null}
     * @param newTag  the tag, or {@code null}
     * @param digest  the digest, or {@code null}
     */
    record SetImage(String file, String image, String newName, String newTag, String digest) implements ManifestEdit {
        public SetImage {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(image, "image");
            if (newTag == null && digest == null && newName == null) {
                throw new IllegalArgumentException("A set-image edit of " + image + " needs a new name, tag or digest");
            }
            if (newTag != null && digest != null) {
                throw new IllegalArgumentException("A set-image edit of " + image
                        + " sets a tag or a digest, not both");
            }
        }

        @Override
        public String path() {
            return "images[" + image + "]";
        }
    }

    /**
     * Sets the scalar at a dotted path ({@code spec.predictor.model.storageUri}, {@code containers[0].image}) in one
     * document of a YAML file.
     *
     * @param file     the YAML file
     * @param document which document of a multi-document file
     * @param path     the dotted path, with {@code [N]} for list indexes
     * @param value    the new value, as text
     */
    record SetValue(String file, DocumentSelector document, String path, String value) implements ManifestEdit {
        public SetValue {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }
}
