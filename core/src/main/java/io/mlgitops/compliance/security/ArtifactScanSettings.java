package io.mlgitops.compliance.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.RuleFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a {@code modelArtifacts} rule.
 *
 * @param policy      how imports are judged ({@code allow}, {@code defaults})
 * @param maxFileSize the largest file, and the most bytes a compressed file or a zip archive may expand to, that is
 *                    scanned; larger ones fail as not scanned
 */
record ArtifactScanSettings(ImportPolicy policy, long maxFileSize) {
    static final String ALLOW = "allow";
    static final String DEFAULTS = "defaults";
    static final String MAX_FILE_SIZE = "maxFileSize";
    static final long DEFAULT_MAX_FILE_SIZE = 4L << 30;

    static ArtifactScanSettings read(final RuleFields rule) throws InputException {
        List<ImportPattern> allowed = new ArrayList<>();
        for (String text : rule.strings(ALLOW)) {
            allowed.add(ImportPattern.parse(text).orElseThrow(() -> rule.invalid(ALLOW, "'" + text + "' is not an "
                    + "import: write module.name (e.g. mypackage.features.Scaler) or module.* (e.g. mypackage.*)")));
        }
        return new ArtifactScanSettings(new ImportPolicy(allowed, rule.bool(DEFAULTS, true)), maxFileSize(rule));
    }

    private static long maxFileSize(final RuleFields rule) throws InputException {
        Optional<JsonNode> value = rule.node(MAX_FILE_SIZE).filter(node -> !node.isNull());
        if (value.isEmpty()) {
            return DEFAULT_MAX_FILE_SIZE;
        }
        JsonNode size = value.get();
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 1) {
            throw rule.invalid(MAX_FILE_SIZE, "must be a whole number of bytes of at least 1, got " + size);
        }
        return size.asLong();
    }
}
