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

/** SBOMs the {@code sbomLicenses} rule refuses, each error naming the file and the JSON path. */
class CycloneDxSbomErrorsTest {
    private static final String BOM = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "library", "name": "a",
             "version": "1", "components": [%s]}]}""";

    @TempDir
    Path folder;

    private RuleCheck check(final String json) throws Exception {
        Path file = write(folder, "bom.json", json);
        return new SbomLicensesRule().check(rule("sbomLicenses", "deny: [AGPL-3.0-only]"),
                Evidence.builder().sbom(file).build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"b\", \"licenses\": [{\"expression\": \"MIT OR\"}]} "
                + "| components[0].components[0].licenses[0].expression 'MIT OR' is not an SPDX license expression: "
                + "expected a license id or '(' at the end (at character 7)",
        "{\"name\": \"b\", \"licenses\": [{\"expression\": \"MIT\\\\Apache-2.0\"}]} "
                + "| licenses[0].expression 'MIT\\Apache-2.0' is not an SPDX license expression: unexpected character",
        "{\"name\": \"b\", \"licenses\": [{\"license\": {\"url\": \"https://x\"}}]} "
                + "| components[0].components[0].licenses[0].license has neither id nor name",
        "{\"name\": \"b\", \"licenses\": [{\"acknowledgement\": \"declared\"}]} "
                + "| components[0].components[0].licenses[0] has neither license nor expression",
        "{\"name\": \"b\", \"licenses\": [{\"license\": {\"id\": \"MIT OR ISC\"}}]} "
                + "| licenses[0].license.id 'MIT OR ISC' is not a single license id; write an expression instead",
        "{\"name\": \"b\", \"licenses\": {\"license\": {\"id\": \"MIT\"}}} "
                + "| components[0].components[0].licenses must be a list",
        "{\"name\": \"b\", \"licenses\": [{\"license\": \"MIT\"}]} "
                + "| components[0].components[0].licenses[0].license must be an object",
        "{\"type\": \"library\", \"version\": \"2\"}    | components[0].components[0] has no name",
        "{\"name\": [\"b\"]}                             | components[0].components[0].name must be a text",
        "\"b\"                                           | components[0].components[0] must be an object",
    })
    void shouldRefuseMalformedComponentsNamingTheirPath(final String component, final String problem) {
        assertThatThrownBy(() -> check(BOM.formatted(component))).isInstanceOf(InputException.class)
                .hasMessageStartingWith(folder.resolve("bom.json") + ": ").hasMessageContaining(problem)
                .hasMessageEndingWith("Fix the SBOM or write it again with a CycloneDX tool.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"spdxVersion\": \"SPDX-2.3\"} | is not a CycloneDX JSON SBOM: bomFormat is missing, expected "
                + "\"CycloneDX\" (it looks like an SPDX SBOM)",
        "{\"bomFormat\": \"cyclonedx\", \"specVersion\": \"1.6\"} | bomFormat is \"cyclonedx\", expected "
                + "\"CycloneDX\"",
        "[]                                              | is not a CycloneDX JSON SBOM",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\"} | bom.json: specVersion is \"1.1\", and CycloneDX "
                + "JSON 1.2 and later is read",
        "{\"bomFormat\": \"CycloneDX\"}                   | bom.json: specVersion is missing, and CycloneDX JSON",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": {}} | bom.json: components must be "
                + "a list",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": {\"component\": {\"type\": \"x\"}}} "
                + "| bom.json: metadata.component has no name",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": []} | bom.json: metadata must be an "
                + "object",
        "{\"bomFormat\": \"CycloneDX\",                   | is not valid JSON at line 1, column 27",
    })
    void shouldRefuseFilesThatAreNotCycloneDxJson(final String json, final String problem) {
        assertThatThrownBy(() -> check(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(folder.resolve("bom.json").toString()).hasMessageContaining(problem);
    }

    @Test
    void shouldSayWhenTheSbomCannotBeRead() {
        assertThatThrownBy(() -> new SbomLicensesRule().check(rule("sbomLicenses", "deny: [MIT]"),
                Evidence.builder().sbom(folder.resolve("missing.json")).build()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Cannot read the SBOM " + folder.resolve("missing.json"));
    }

    @Test
    void shouldReadAnSbomWithoutComponents() throws Exception {
        RuleCheck check = check("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.7\", \"version\": 1, "
                + "\"unknownField\": {\"x\": [1]}}");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.evidence()).contains(entry("components", 0), entry("specVersion", "1.7"),
                entry("failingComponents", List.of()));
    }
}
