package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Trivy's JSON report ({@code trivy image|fs --format json}, SchemaVersion 2): {@code Results[]}, each with a
 * {@code Target} and optional {@code Vulnerabilities[]}; the score is chosen by {@link TrivyScores}.
 */
final class TrivyFormat implements ScanFormat {
    private static final int SCHEMA_VERSION = 2;

    private final ReportFile file;
    private final Consumer<ReportedVulnerability> sink;
    private boolean schemaVersionSeen;
    private String artifact = "";
    private String version = "";

    TrivyFormat(final ReportFile file, final Consumer<ReportedVulnerability> sink) {
        this.file = file;
        this.sink = sink;
    }

    @Override
    public String scanner() {
        return "trivy";
    }

    @Override
    public boolean read(final String field, final JsonParser parser) throws IOException, InputException {
        switch (field) {
            case "SchemaVersion" -> readSchemaVersion(parser);
            case "ArtifactName" -> artifact = parser.getValueAsString("").trim();
            case "Trivy" -> version = file.text(parser.readValueAsTree(), "Version", "Trivy");
            case "Results" -> StreamedList.forEach(parser, file, "Results", this::readResult);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean recognised() {
        return schemaVersionSeen;
    }

    @Override
    public String artifact() {
        return artifact;
    }

    @Override
    public String scannerVersion() {
        return version;
    }

    private void readSchemaVersion(final JsonParser parser) throws IOException, InputException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != SCHEMA_VERSION) {
            throw file.notAReport("its SchemaVersion is " + parser.getText() + ", and only " + SCHEMA_VERSION
                    + " (Trivy 0.20 and later) is read");
        }
        schemaVersionSeen = true;
    }

    private void readResult(final JsonNode result, final String path) throws InputException {
        String target = file.text(result, "Target", path);
        JsonNode vulnerabilities = file.list(result, "Vulnerabilities", path);
        for (int i = 0; i < vulnerabilities.size(); i++) {
            String itemPath = path + ".Vulnerabilities[" + i + "]";
            JsonNode vulnerability = vulnerabilities.get(i);
            if (!vulnerability.isObject()) {
                throw file.invalid(itemPath, "must be an object");
            }
            sink.accept(vulnerability(vulnerability, itemPath, target));
        }
    }

    private ReportedVulnerability vulnerability(final JsonNode node, final String path, final String target)
            throws InputException {
        String packageName = file.text(node, "PkgName", path);
        if (packageName.isEmpty()) {
            packageName = file.requiredText(node, "PkgID", path);
        }
        String packagePath = file.text(node, "PkgPath", path);
        return new ReportedVulnerability(file.requiredText(node, "VulnerabilityID", path), packageName,
                file.text(node, "InstalledVersion", path), file.text(node, "FixedVersion", path),
                file.severity(node, "Severity", path),
                TrivyScores.choose(file, node, path), packagePath.isEmpty() ? target : target + " (" + packagePath
                + ")");
    }
}
