package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Grype's JSON report ({@code grype -o json}): {@code matches[]} of {vulnerability, relatedVulnerabilities,
 * artifact}; the score is chosen by {@link GrypeScores}. {@code ignoredMatches} (waived in Grype's own configuration)
 * are not read.
 */
final class GrypeFormat implements ScanFormat {
    private final ReportFile file;
    private final Consumer<ReportedVulnerability> sink;
    private boolean matchesSeen;
    private String artifact = "";
    private String version = "";

    GrypeFormat(final ReportFile file, final Consumer<ReportedVulnerability> sink) {
        this.file = file;
        this.sink = sink;
    }

    @Override
    public String scanner() {
        return "grype";
    }

    @Override
    public boolean read(final String field, final JsonParser parser) throws IOException, InputException {
        switch (field) {
            case "matches" -> {
                StreamedList.forEach(parser, file, "matches", this::readMatch);
                matchesSeen = true;
            }
            case "source" -> artifact = target(parser.readValueAsTree());
            case "descriptor" -> version = file.text(parser.readValueAsTree(), "version", "descriptor");
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean recognised() {
        return matchesSeen;
    }

    @Override
    public String artifact() {
        return artifact;
    }

    @Override
    public String scannerVersion() {
        return version;
    }

    /** {@code source.target} is the scanned path for a folder or file, an object with the user's input for images. */
    private static String target(final JsonNode source) {
        JsonNode target = source.path("target");
        return (target.isObject() ? target.path("userInput") : target).asText("").trim();
    }

    private void readMatch(final JsonNode match, final String path) throws InputException {
        JsonNode vulnerability = file.object(match, "vulnerability", path);
        JsonNode artifactNode = file.object(match, "artifact", path);
        String vulnerabilityPath = path + ".vulnerability";
        String artifactPath = path + ".artifact";
        sink.accept(new ReportedVulnerability(file.requiredText(vulnerability, "id", vulnerabilityPath),
                file.requiredText(artifactNode, "name", artifactPath), file.text(artifactNode, "version",
                artifactPath), fixedVersions(vulnerability, vulnerabilityPath),
                file.severity(vulnerability, "severity", vulnerabilityPath), GrypeScores.choose(file, match, path),
                location(artifactNode, artifactPath)));
    }

    private String fixedVersions(final JsonNode vulnerability, final String path) throws InputException {
        JsonNode fix = file.object(vulnerability, "fix", path);
        JsonNode versions = file.list(fix, "versions", path + ".fix");
        List<String> texts = new ArrayList<>();
        for (JsonNode version : versions) {
            if (version.isValueNode() && !version.asText().isBlank()) {
                texts.add(version.asText().trim());
            }
        }
        return String.join(", ", texts);
    }

    private String location(final JsonNode artifactNode, final String path) throws InputException {
        JsonNode locations = file.list(artifactNode, "locations", path);
        return locations.isEmpty() ? "" : file.text(locations.get(0), "path", path + ".locations[0]");
    }
}
