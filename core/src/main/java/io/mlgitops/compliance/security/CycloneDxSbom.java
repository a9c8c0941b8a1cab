package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.security.SpdxExpression.All;
import io.mlgitops.compliance.security.SpdxExpression.License;
import io.mlgitops.compliance.security.SpdxExpression.UnknownLicense;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CycloneDX JSON SBOM (specVersion 1.2 and later): its components, nested ones and {@code metadata.component}
 * included, with their licenses. A license entry gives an SPDX {@code id}, a {@code name} (read as the SPDX id it
 * spells in any letter case, else as an unknown license) or an SPDX {@code expression}. When some entries are marked
 * {@code acknowledgement: concluded}, only those count.
 *
 * @param file        the SBOM file
 * @param specVersion the CycloneDX version it declares
 * @param components  every component, in document order (the metadata component first)
 */
record CycloneDxSbom(Path file, String specVersion, List<SbomComponent> components) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SPEC_VERSION = Pattern.compile("1\\.(\\d+)");
    private static final int FIRST_JSON_MINOR_VERSION = 2;

    CycloneDxSbom {
        components = List.copyOf(components);
    }

    static CycloneDxSbom read(final Path file) throws InputException {
        JsonNode root = parse(file);
        if (!root.isObject() || !"CycloneDX".equals(root.path("bomFormat").asText(null))) {
            String spdx = root.has("spdxVersion") ? " (it looks like an SPDX SBOM)" : "";
            throw new InputException(String.format("%s is not a CycloneDX JSON SBOM: %s, expected \"CycloneDX\"%s. "
                    + "Write a CycloneDX JSON SBOM, e.g. with syft -o cyclonedx-json or trivy --format cyclonedx.",
                    file, shown(root, "bomFormat"), spdx));
        }
        String specVersion = root.path("specVersion").asText("");
        Matcher version = SPEC_VERSION.matcher(specVersion);
        if (!version.matches() || Integer.parseInt(version.group(1)) < FIRST_JSON_MINOR_VERSION) {
            throw new InputException(String.format("%s: %s, and CycloneDX JSON 1.2 and later is read. Write the "
                    + "SBOM with a current CycloneDX tool.", file, shown(root, "specVersion")));
        }
        Reader reader = new Reader(file);
        JsonNode metadata = reader.object(root, "metadata", "");
        if (metadata.has("component") && !metadata.get("component").isNull()) {
            reader.component(metadata.get("component"), "metadata.component");
        }
        reader.components(root, "");
        return new CycloneDxSbom(file, specVersion, reader.components);
    }

    /** A top-level field and its value, e.g. {@code bomFormat is "SPDX"} or {@code bomFormat is missing}. */
    private static String shown(final JsonNode root, final String field) {
        return field + " is " + (root.has(field) ? root.get(field).toString() : "missing");
    }

    private static JsonNode parse(final Path file) throws InputException {
        try {
            return JSON.readTree(file.toFile());
        }
        catch (JsonProcessingException malformed) {
            throw new InputException(String.format("%s is not valid JSON%s (%s). Give a CycloneDX JSON SBOM.", file,
                    JsonDocument.position(malformed), malformed.getOriginalMessage()), malformed);
        }
        catch (IOException unreadable) {
            throw new InputException(String.format("Cannot read the SBOM %s (%s). Check the path and its "
                    + "permissions.", file, unreadable.getMessage()), unreadable);
        }
    }

    /** Walks the component tree, collecting components and reporting malformed fields by JSON path. */
    private static final class Reader extends JsonDocument {
        private final Path file;
        private final List<SbomComponent> components = new ArrayList<>();

        Reader(final Path file) {
            this.file = file;
        }

        @Override
        InputException invalid(final String path, final String problem) {
            return new InputException(String.format("%s: %s %s. Fix the SBOM or write it again with a CycloneDX "
                    + "tool.", file, path, problem));
        }

        void components(final JsonNode parent, final String parentPath) throws InputException {
            JsonNode children = list(parent, "components", parentPath);
            String path = join(parentPath, "components");
            for (int i = 0; i < children.size(); i++) {
                component(children.get(i), path + "[" + i + "]");
            }
        }

        void component(final JsonNode component, final String path) throws InputException {
            if (!component.isObject()) {
                throw invalid(path, "must be an object");
            }
            String name = text(component, "name", path);
            if (name.isEmpty()) {
                throw invalid(path, "has no name");
            }
            String group = text(component, "group", path);
            String version = text(component, "version", path);
            String key = (group.isEmpty() ? "" : group + "/") + name + (version.isEmpty() ? "" : "@" + version);
            components.add(new SbomComponent(key, text(component, "purl", path), path, licenses(component, path)));
            components(component, path);
        }

        private Optional<SpdxExpression> licenses(final JsonNode component, final String path)
                throws InputException {
            JsonNode entries = list(component, "licenses", path);
            List<SpdxExpression> declared = new ArrayList<>();
            List<SpdxExpression> concluded = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String entryPath = path + ".licenses[" + i + "]";
                JsonNode entry = entries.get(i);
                if (!entry.has("expression") && object(entry, "license", entryPath).isMissingNode()) {
                    throw invalid(entryPath, "has neither license nor expression");
                }
                SpdxExpression term = entry.has("expression") ? expression(entry, entryPath)
                        : license(entry.get("license"), entryPath + ".license");
                boolean isConcluded = "concluded".equals(entry.path("acknowledgement").asText())
                        || "concluded".equals(entry.path("license").path("acknowledgement").asText());
                (isConcluded ? concluded : declared).add(term);
            }
            List<SpdxExpression> terms = concluded.isEmpty() ? declared : concluded;
            if (terms.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(terms.size() == 1 ? terms.get(0) : new All(terms));
        }

        private SpdxExpression expression(final JsonNode entry, final String path) throws InputException {
            String text = text(entry, "expression", path);
            try {
                return SpdxExpressionParser.parse(text);
            }
            catch (ParseException invalid) {
                throw invalid(path + ".expression", String.format("'%s' is not an SPDX license expression: %s "
                        + "(at character %d)", text, invalid.getMessage(), invalid.getErrorOffset() + 1));
            }
        }

        private SpdxExpression license(final JsonNode license, final String path) throws InputException {
            String id = text(license, "id", path);
            if (!id.isEmpty()) {
                return id(id, path + ".id");
            }
            String name = text(license, "name", path);
            if (name.isEmpty()) {
                throw invalid(path, "has neither id nor name");
            }
            return spdxSpelling(name).orElse(new UnknownLicense(name));
        }

        private SpdxExpression id(final String id, final String path) throws InputException {
            try {
                if (SpdxExpressionParser.parse(id) instanceof License license && license.exception().isEmpty()) {
                    return license;
                }
            }
            catch (ParseException invalid) {
                throw invalid(path, "'" + id + "' is not a license id: " + invalid.getMessage());
            }
            throw invalid(path, "'" + id + "' is not a single license id; write an expression instead");
        }

        /** A license name that spells an SPDX id (or id+ or id WITH exception), as that id. */
        private static Optional<SpdxExpression> spdxSpelling(final String name) {
            try {
                if (SpdxExpressionParser.parse(name) instanceof License license) {
                    return SpdxLicenseIds.find(license.id()).map(id -> new License(id, license.orLater(),
                            license.exception()));
                }
            }
            catch (ParseException notAnId) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }
}
