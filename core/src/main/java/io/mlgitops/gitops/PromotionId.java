package io.mlgitops.gitops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The default {@code Promotion-Id}: a hash of model, version, environment and the rendered edits, so that running the
 * same promotion twice is recognised and the second run makes no commit.
 */
final class PromotionId {
    private static final int HEX_LENGTH = 20;

    private PromotionId() {
    }

    static String of(final String model, final String version, final String environment,
            final List<ManifestEdit> edits) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(model).append('\n').append(version).append('\n').append(environment).append('\n');
        for (ManifestEdit edit : edits) {
            canonical.append(describe(edit)).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, HEX_LENGTH);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private static String describe(final ManifestEdit edit) {
        if (edit instanceof ManifestEdit.SetImage image) {
            return String.join("\u0000", "image", image.file(), image.image(), String.valueOf(image.newName()),
                    String.valueOf(image.newTag()), String.valueOf(image.digest()));
        }
        ManifestEdit.SetValue value = (ManifestEdit.SetValue) edit;
        return String.join("\u0000", "value", value.file(), value.document().toString(), value.path(), value.value());
    }
}
