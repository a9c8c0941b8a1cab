package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static io.mlgitops.compliance.security.SecurityFixtures.rule;
import static io.mlgitops.compliance.security.SecurityFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Reports the {@code vulnerabilities} rule refuses, each with the file, the JSON path and the accepted formats. */
class ScanReportErrorsTest {
    private static final String TRIVY_VULNERABILITY = """
            {"SchemaVersion": 2, "Results": [{"Target": "poetry.lock", "Vulnerabilities": [%s]}]}""";

    @TempDir
    Path folder;

    private RuleCheck check(final String json) throws Exception {
        Path file = write(folder, "report.json", json);
        return new VulnerabilitiesRule().check(rule("vulnerabilities", "maxCvss: 7.0"),
                Evidence.builder().securityReports(List.of(file)).build());
    }

    @Test
    void shouldRefuseMalformedJsonNamingTheLine() {
        assertThatThrownBy(() -> check("{\"SchemaVersion\": 2,\n \"Results\": [}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(folder.resolve("report.json") + " is not valid JSON at line 2, column 14")
                .hasMessageContaining("Accepted formats: Trivy JSON (trivy image|fs --format json, SchemaVersion 2) "
                        + "and Grype JSON (grype -o json).");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"runs\": []}                                | neither Trivy nor Grype JSON: it has neither Trivy's "
                + "SchemaVersion nor Grype's matches (it looks like SARIF",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"} | it looks like a CycloneDX SBOM",
        "[{\"Target\": \"x\"}]                          | neither Trivy nor Grype JSON: it is not a JSON object",
        "''                                              | it is not a JSON object",
        "{\"SchemaVersion\": 1, \"Results\": []}       | its SchemaVersion is 1, and only 2 (Trivy 0.20 and later)",
        "{\"Results\": [], \"ArtifactName\": \"x\"}    | it has neither Trivy's SchemaVersion nor Grype's matches",
        "{\"SchemaVersion\": 2, \"matches\": []}       | it has both Trivy's SchemaVersion and Grype's matches",
    })
    void shouldRefuseFilesThatAreNeitherFormat(final String json, final String problem) {
        assertThatThrownBy(() -> check(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(folder.resolve("report.json").toString())
                .hasMessageContaining(problem).hasMessageContaining("Accepted formats: Trivy JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"PkgName\": \"a\"}                               | Results[0].Vulnerabilities[0] has no VulnerabilityID",
        "{\"VulnerabilityID\": \"CVE-1\"}                   | Results[0].Vulnerabilities[0] has no PkgID",
        "{\"VulnerabilityID\": \"CVE-1\", \"PkgName\": \"a\", \"Severity\": \"SEVERE\"} "
                + "| Results[0].Vulnerabilities[0].Severity is 'SEVERE', not one of Unknown, Negligible",
        "{\"VulnerabilityID\": \"CVE-1\", \"PkgName\": \"a\", \"CVSS\": {\"nvd\": {\"V3Score\": 12}}} "
                + "| Results[0].Vulnerabilities[0].CVSS.nvd.V3Score must be a CVSS score from 0 to 10, got 12",
        "{\"VulnerabilityID\": \"CVE-1\", \"PkgName\": \"a\", \"CVSS\": {\"nvd\": {\"V3Score\": \"9.8\"}}} "
                + "| CVSS.nvd.V3Score must be a CVSS score from 0 to 10, got \"9.8\"",
        "{\"VulnerabilityID\": \"CVE-1\", \"PkgName\": \"a\", \"CVSS\": [9.8]} "
                + "| Results[0].Vulnerabilities[0].CVSS must be an object",
        "42                                                  | Results[0].Vulnerabilities[0] must be an object",
    })
    void shouldRefuseMalformedTrivyFindingsNamingTheirPath(final String vulnerability, final String problem) {
        assertThatThrownBy(() -> check(TRIVY_VULNERABILITY.formatted(vulnerability)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(folder.resolve("report.json") + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void shouldRefuseMalformedGrypeMatchesNamingTheirPath() {
        assertThatThrownBy(() -> check("{\"matches\": [{\"vulnerability\": {\"id\": \"CVE-1\"}, \"artifact\": {}}]}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("matches[0].artifact has no name");
        assertThatThrownBy(() -> check("{\"matches\": [{\"vulnerability\": {\"id\": \"CVE-1\", \"cvss\": [{\"version\":"
                + " \"3.1\", \"metrics\": {\"baseScore\": -1}}]}, \"artifact\": {\"name\": \"a\"}}]}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("matches[0].vulnerability.cvss[0].metrics.baseScore must be a CVSS score");
        assertThatThrownBy(() -> check("{\"matches\": {}}")).isInstanceOf(InputException.class)
                .hasMessageContaining("matches must be a list");
    }

    @Test
    void shouldIgnoreUnknownFieldsAndResultsWithoutVulnerabilities() throws Exception {
        RuleCheck check = check("""
                {"SchemaVersion": 2, "Future": {"nested": [1, {"a": null}]}, "Results": [
                  {"Target": "Java", "Class": "lang-pkgs", "Packages": [{"Name": "x"}]},
                  {"Target": "Pipfile.lock", "Vulnerabilities": null},
                  {"Target": "go.mod", "Vulnerabilities": [{"VulnerabilityID": "CVE-2026-7", "PkgName": "x/net",
                    "InstalledVersion": "v0.1.0", "Severity": "LOW", "NewField": {"deep": [true]}}]}]}
                """);

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.evidence()).contains(entry("vulnerabilities", 1), entry("belowBound", 1));
    }

    @Test
    void shouldPassAnEmptyGrypeReport() throws Exception {
        RuleCheck check = check("{\"matches\": [], \"source\": {\"type\": \"image\", \"target\": {\"userInput\": "
                + "\"python:3.12-slim\"}}, \"descriptor\": {\"name\": \"grype\", \"version\": \"0.87.0\"}}");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(SecurityFixtures.list(check, "reports").get(0)).contains(entry("artifact", "python:3.12-slim"),
                entry("findings", 0));
    }

    @Test
    void shouldSayWhenTheReportCannotBeRead() {
        assertThatThrownBy(() -> new VulnerabilitiesRule().check(rule("vulnerabilities", "maxCvss: 7.0"),
                Evidence.builder().securityReports(List.of(folder.resolve("missing.json"))).build()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Cannot read the vulnerability report " + folder.resolve("missing.json"));
    }
}
