package io.mlgitops.compliance.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one Trivy or Grype JSON report, telling the format from its top-level fields, and streams its findings: a
 * report of any size is read one result or match at a time.
 */
final class ScanReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanReportReader() {
    }

    /**
     * @param sink receives every finding of the report, in report order
     * @throws InputException when the file cannot be read, is not JSON, is neither format or has a malformed field
     */
    static ScanReportSummary read(final Path path, final Consumer<ReportedVulnerability> sink)
            throws InputException {
        ReportFile file = new ReportFile(path);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Consumer<ReportedVulnerability> counting = vulnerability -> {
            bySeverity.merge(vulnerability.severity(), 1, Integer::sum);
            sink.accept(vulnerability);
        };
        List<ScanFormat> formats = List.of(new TrivyFormat(file, counting), new GrypeFormat(file, counting));
        Set<String> fields = new HashSet<>();
        try (JsonParser parser = JSON.createParser(path.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw file.notAReport("it is not a JSON object");
            }
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                parser.nextToken();
                fields.add(field);
                if (!readByAny(formats, field, parser)) {
                    parser.skipChildren();
                }
            }
        }
        catch (JsonProcessingException malformed) {
            throw file.notJson(malformed);
        }
        catch (IOException unreadable) {
            throw new InputException(String.format("Cannot read the vulnerability report %s (%s). Check the path "
                    + "and its permissions.", path, unreadable.getMessage()), unreadable);
        }
        ScanFormat format = recognised(formats, fields, file);
        return new ScanReportSummary(path, format.scanner(), format.scannerVersion(), format.artifact(), bySeverity);
    }

    private static boolean readByAny(final List<ScanFormat> formats, final String field, final JsonParser parser)
            throws IOException, InputException {
        for (ScanFormat format : formats) {
            if (format.read(field, parser)) {
                return true;
            }
        }
        return false;
    }

    private static ScanFormat recognised(final List<ScanFormat> formats, final Set<String> fields,
            final ReportFile file) throws InputException {
        List<ScanFormat> recognised = formats.stream().filter(ScanFormat::recognised).toList();
        if (recognised.size() > 1) {
            throw file.notAReport("it has both Trivy's SchemaVersion and Grype's matches");
        }
        if (recognised.isEmpty()) {
            throw file.notAReport("it has neither Trivy's SchemaVersion nor Grype's matches" + hint(fields));
        }
        return recognised.get(0);
    }

    /** Names the formats people give by mistake. */
    private static String hint(final Set<String> fields) {
        if (fields.contains("bomFormat")) {
            return " (it looks like a CycloneDX SBOM: give it as the SBOM, and the scan report here)";
        }
        if (fields.contains("runs")) {
            return " (it looks like SARIF: run the scanner with JSON output instead)";
        }
        return "";
    }
}
