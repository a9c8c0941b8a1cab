package io.mlgitops.compliance.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the CVSS score of a Grype match: the highest {@code cvss[].metrics.baseScore} among the CVSS v3 and v4
 * entries of the vulnerability and of its related vulnerabilities (e.g. the NVD record of the CVE behind a GHSA);
 * when there is none, the highest v2 score.
 */
final class GrypeScores {
    private GrypeScores() {
    }

    static Optional<CvssScore> choose(final ReportFile file, final JsonNode match, final String path)
            throws InputException {
        Optional<CvssScore> modern = Optional.empty();
        Optional<CvssScore> legacy = Optional.empty();
        for (Map.Entry<String, JsonNode> record : records(file, match, path).entrySet()) {
            JsonNode entries = file.list(record.getValue(), "cvss", record.getKey());
            for (int i = 0; i < entries.size(); i++) {
                String entryPath = record.getKey() + ".cvss[" + i + "]";
                JsonNode entry = entries.get(i);
                if (!entry.isObject()) {
                    throw file.invalid(entryPath, "must be an object");
                }
                String version = version(file, entry, entryPath);
                String source = source(record.getValue(), entry) + " CVSS " + version;
                Optional<CvssScore> score = file.score(file.object(entry, "metrics", entryPath), "baseScore",
                        entryPath + ".metrics").map(value -> new CvssScore(value, source));
                if (version.startsWith("3") || version.startsWith("4")) {
                    modern = higher(modern, score);
                }
                else if (version.startsWith("2")) {
                    legacy = higher(legacy, score);
                }
            }
        }
        return modern.isPresent() ? modern : legacy;
    }

    /** The vulnerability and its related vulnerabilities, by JSON path. */
    private static Map<String, JsonNode> records(final ReportFile file, final JsonNode match, final String path)
            throws InputException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        records.put(path + ".vulnerability", match.path("vulnerability"));
        JsonNode related = file.list(match, "relatedVulnerabilities", path);
        for (int i = 0; i < related.size(); i++) {
            records.put(path + ".relatedVulnerabilities[" + i + "]", related.get(i));
        }
        return records;
    }

    /** The CVSS version: the {@code version} field, else the one a {@code CVSS:3.1/...} vector names. */
    private static String version(final ReportFile file, final JsonNode entry, final String path)
            throws InputException {
        String version = file.text(entry, "version", path);
        String vector = file.text(entry, "vector", path);
        if (version.isEmpty() && vector.startsWith("CVSS:") && vector.indexOf('/') > 0) {
            return vector.substring("CVSS:".length(), vector.indexOf('/'));
        }
        return version;
    }

    /** Who scored it: the entry's {@code source}, else the record's namespace, else the record's id. */
    private static String source(final JsonNode vulnerability, final JsonNode entry) {
        String source = entry.path("source").asText("").trim();
        if (source.isEmpty()) {
            source = vulnerability.path("namespace").asText("").trim();
        }
        return source.isEmpty() ? vulnerability.path("id").asText("").trim() : source;
    }

    private static Optional<CvssScore> higher(final Optional<CvssScore> best, final Optional<CvssScore> candidate) {
        if (candidate.isEmpty() || best.isPresent() && best.get().value() >= candidate.get().value()) {
            return best;
        }
        return candidate;
    }
}
