package io.mlgitops.canary;

import io.mlgitops.gitops.DocumentSelector;
import io.mlgitops.gitops.ManifestEdit;
import io.mlgitops.gitops.ManifestEdits;

import java.util.Locale;
import java.util.Objects;

/**
 * A manifest field that holds a traffic weight in the GitOps repository (for the {@code gitops} router mode), such
 * as {@code spec.http[0].route[1].weight} of a VirtualService or {@code spec.predictor.canaryTrafficPercent}.
 *
 * @param file     the manifest, relative to the repository root
 * @param document which document of the file
 * @param path     the dotted path of the field
 * @param variant  whose share the field holds: the canary's, or the stable version's (100 minus the canary's)
 */
public record WeightField(String file, DocumentSelector document, String path, Variant variant) {
    public WeightField {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(variant, "variant");
    }

    /**
     * Reads {@code FILE[#N|:Kind/name]:PATH=canary|stable}, the grammar of {@code --set} with the variant as the value.
     *
     * @throws IllegalArgumentException when the text is malformed; the message shows what is wrong
     */
    public static WeightField parse(final String text) {
        ManifestEdit.SetValue parsed = ManifestEdits.parseSet(text);
        Variant variant = switch (parsed.value().trim().toLowerCase(Locale.ROOT)) {
            case "canary" -> Variant.CANARY;
            case "stable" -> Variant.STABLE;
            default -> throw new IllegalArgumentException("a weight field must end in =canary or =stable, got '"
                    + text + "'");
        };
        return new WeightField(parsed.file(), parsed.document(), parsed.path(), variant);
    }

    /** The edit that writes this field for a canary weight. */
    ManifestEdit edit(final int canaryWeight) {
        int value = variant == Variant.CANARY ? canaryWeight : 100 - canaryWeight;
        return new ManifestEdit.SetValue(file, document, path, Integer.toString(value));
    }
}
