package io.mlgitops.compliance.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the CVSS score of a Trivy vulnerability from its {@code CVSS} map (source to V2/V3/V4.0 scores): the entry
 * of its {@code SeveritySource} (the source Trivy took the severity from), else the {@code nvd} entry, else the
 * highest score of any source. Within an entry the V3 score is preferred, then V4.0, then V2.
 */
final class TrivyScores {
    private static final String NVD = "nvd";
    /** Score field and its label, most preferred first. */
    private static final List<Map.Entry<String, String>> VERSIONS = List.of(Map.entry("V3Score", "V3"),
            Map.entry("V40Score", "V4.0"), Map.entry("V2Score", "V2"));

    private TrivyScores() {
    }

    static Optional<CvssScore> choose(final ReportFile file, final JsonNode vulnerability, final String path)
            throws InputException {
        JsonNode cvss = file.object(vulnerability, "CVSS", path);
        String cvssPath = path + ".CVSS";
        String severitySource = file.text(vulnerability, "SeveritySource", path);
        Optional<CvssScore> preferred = severitySource.isEmpty() ? Optional.empty()
                : ofSource(file, cvss, severitySource, cvssPath);
        if (preferred.isEmpty()) {
            preferred = ofSource(file, cvss, NVD, cvssPath);
        }
        return preferred.isPresent() ? preferred : highest(file, cvss, cvssPath);
    }

    private static Optional<CvssScore> ofSource(final ReportFile file, final JsonNode cvss, final String source,
            final String path) throws InputException {
        JsonNode entry = file.object(cvss, source, path);
        for (Map.Entry<String, String> version : VERSIONS) {
            Optional<Double> score = file.score(entry, version.getKey(), path + "." + source);
            if (score.isPresent()) {
                return Optional.of(new CvssScore(score.get(), source + " " + version.getValue()));
            }
        }
        return Optional.empty();
    }

    private static Optional<CvssScore> highest(final ReportFile file, final JsonNode cvss, final String path)
            throws InputException {
        Optional<CvssScore> highest = Optional.empty();
        for (Map.Entry<String, JsonNode> source : cvss.properties()) {
            Optional<CvssScore> score = ofSource(file, cvss, source.getKey(), path);
            if (score.isPresent() && (highest.isEmpty() || score.get().value() > highest.get().value())) {
                highest = score;
            }
        }
        return highest;
    }
}
