package io.mlgitops.compliance.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The license identifiers of the SPDX License List (the version named in {@code spdx-license-ids.txt}), deprecated
 * ones included, and the custom {@code LicenseRef-} references SPDX allows.
 */
final class SpdxLicenseIds {
    private static final String RESOURCE = "spdx-license-ids.txt";
    private static final Map<String, String> BY_LOWER_CASE = load();

    private SpdxLicenseIds() {
    }

    /** The id as the list spells it, for an id in any letter case; a custom reference as given. */
    static Optional<String> find(final String id) {
        String lowerCase = id.toLowerCase(Locale.ROOT);
        if (lowerCase.startsWith("licenseref-") || lowerCase.startsWith("documentref-")) {
            return Optional.of(id);
        }
        return Optional.ofNullable(BY_LOWER_CASE.get(lowerCase));
    }

    private static Map<String, String> load() {
        Map<String, String> ids = new HashMap<>();
        try (InputStream resource = SpdxLicenseIds.class.getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("The build lost the resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8));
            lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(id -> ids.put(id.toLowerCase(Locale.ROOT), id));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the resource " + RESOURCE, unreadable);
        }
        return Map.copyOf(ids);
    }
}
