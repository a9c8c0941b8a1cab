package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.nio.file.Path;
import java.util.Optional;

/** A scanner report being read: its fields, and errors naming the file, the JSON path and the accepted formats. */
final class ReportFile extends JsonDocument {
    static final String ACCEPTED = "Accepted formats: Trivy JSON (trivy image|fs --format json, SchemaVersion 2) and "
            + "Grype JSON (grype -o json).";

    private final Path path;

    ReportFile(final Path path) {
        this.path = path;
    }

    /** The file is not a report of an accepted format. */
    InputException notAReport(final String reason) {
        return new InputException(String.format("%s is neither Trivy nor Grype JSON: %s. %s", path, reason,
                ACCEPTED));
    }

    InputException notJson(final JsonProcessingException failure) {
        return new InputException(String.format("%s is not valid JSON%s (%s). %s", path, position(failure),
                failure.getOriginalMessage(), ACCEPTED), failure);
    }

    /** A field of a recognised report is malformed. */
    @Override
    InputException invalid(final String jsonPath, final String problem) {
        return new InputException(String.format("%s: %s %s. Write the report again with the scanner. %s", path,
                jsonPath, problem, ACCEPTED));
    }

    String requiredText(final JsonNode node, final String field, final String jsonPath) throws InputException {
        String value = text(node, field, jsonPath);
        if (value.isEmpty()) {
            throw invalid(jsonPath, "has no " + field);
        }
        return value;
    }

    Severity severity(final JsonNode node, final String field, final String jsonPath) throws InputException {
        String label = text(node, field, jsonPath);
        if (label.isEmpty()) {
            return Severity.UNKNOWN;
        }
        return Severity.parse(label).orElseThrow(() -> invalid(jsonPath + "." + field, "is '" + label
                + "', not one of Unknown, Negligible, Low, Medium, High, Critical"));
    }

    /** A CVSS score between 0 and 10; empty when absent or 0 (scanners write 0 for "no score"). */
    Optional<Double> score(final JsonNode node, final String field, final String jsonPath) throws InputException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 10)) {
            throw invalid(jsonPath + "." + field, "must be a CVSS score from 0 to 10, got " + value);
        }
        return value.asDouble() == 0 ? Optional.empty() : Optional.of(value.asDouble());
    }
}
