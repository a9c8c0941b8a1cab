package io.mlgitops.compliance.security;

import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.mlgitops.compliance.security.SecurityFixtures.copy;
import static io.mlgitops.compliance.security.SecurityFixtures.list;
import static io.mlgitops.compliance.security.SecurityFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code sbomLicenses} rule on a CycloneDX 1.6 SBOM of a model server image: ids, names (an SPDX id in lower
 * case, a free text, a LicenseRef), expressions with OR, AND, WITH and +, nested components, a metadata component,
 * a component listed twice, one without license and a data set with declared and concluded licenses.
 */
class SbomLicensesRuleTest {
    private static final String SBOM = "cyclonedx-image.json";
    private static final String DENY = "deny: [AGPL-3.0-only, SSPL-1.0, GPL-2.0-only]";

    private final SbomLicensesRule type = new SbomLicensesRule();

    @TempDir
    Path folder;

    private RuleCheck check(final String fields) throws Exception {
        RuleFields rule = rule("sbomLicenses", fields);
        type.validate(rule);
        return type.check(rule, Evidence.builder().sbom(copy(SBOM, folder)).build());
    }

    @Test
    void shouldFailTheComponentsWithADeniedLicense() throws Exception {
        RuleCheck check = check(DENY);

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.message()).isEqualTo("5 of the 20 components in cyclonedx-image.json have a license the "
                + "policy refuses; 1 declare no license (listed in the evidence).");
        assertThat(check.findings()).extracting(Finding::message).containsExactly(
                "ghostscript-bindings@0.7.1 is licensed AGPL-3.0-only: AGPL-3.0-only is denied.",
                "github.com/mongodb/mongo-tools@100.9.4 is licensed SSPL-1.0: SSPL-1.0 is denied.",
                "mysql-connector-python@8.4.0 is licensed GPL-2.0-only WITH Universal-FOSS-exception-1.0: "
                        + "GPL-2.0-only WITH Universal-FOSS-exception-1.0 is denied.",
                "mixed-lib@1.0.0 is licensed MIT AND GPL-2.0: GPL-2.0 is denied.",
                "berkeleydb@6.2.32 is licensed AGPL-3.0-only AND BSD-3-Clause: AGPL-3.0-only is denied.");
        assertThat(check.findings()).extracting(Finding::key).containsExactly("ghostscript-bindings@0.7.1",
                "github.com/mongodb/mongo-tools@100.9.4", "mysql-connector-python@8.4.0", "mixed-lib@1.0.0",
                "berkeleydb@6.2.32");
        assertThat(check.evidence()).contains(entry("specVersion", "1.6"), entry("components", 20),
                entry("licensed", 19), entry("unlicensed", 1), entry("failing", 5),
                entry("unlicensedComponents", List.of("pyyaml@6.0.1")),
                entry("unknownLicenses", List.of(Map.of("component", "requests@2.32.3", "license", "Apache 2.0"))));
        assertThat(check.evidence().get("file").toString()).endsWith(SBOM);
        assertThat(list(check, "failingComponents").get(4)).containsExactly(entry("component", "berkeleydb@6.2.32"),
                entry("purl", "pkg:pypi/berkeleydb@6.2.32"), entry("path", "components[13].components[2]"
                        + ".components[0]"), entry("license", "AGPL-3.0-only AND BSD-3-Clause"),
                entry("problems", List.of("AGPL-3.0-only is denied")));
    }

    @Test
    void shouldCountEachLicenseOnceAComponent() throws Exception {
        RuleCheck check = check(DENY);

        @SuppressWarnings("unchecked")
        Map<String, Object> licenses = (Map<String, Object>) check.evidence().get("licenses");
        assertThat(licenses).containsEntry("BSD-3-Clause", 2).containsEntry("Apache-2.0", 2)
                .containsEntry("'Apache 2.0'", 1).containsEntry("LicenseRef-acme-model-license", 1)
                .containsEntry("CC-BY-SA-4.0", 1).containsEntry("Apache-2.0 OR MIT", 1)
                .containsEntry("GPL-3.0+", 1).doesNotContainKey("CC-BY-4.0");
        assertThat(licenses.keySet()).first().isIn("BSD-3-Clause", "Apache-2.0");
        assertThat(licenses).hasSize(17);
        assertThat(licenses.values().stream().mapToInt(count -> (Integer) count).sum()).as("licensed components")
                .isEqualTo(19);
    }

    @Test
    void shouldAcceptOnlyAllowedLicensesAndCountUnknownNamesAsNotAllowed() throws Exception {
        RuleCheck check = check("allow: [Apache-2.0, MIT, BSD-3-Clause, MPL-2.0, PSF-2.0, LGPL-2.1-only, "
                + "GPL-3.0-only, LicenseRef-acme-model-license, CC-BY-SA-4.0]");

        assertThat(check.findings()).extracting(Finding::key).containsExactly("ghostscript-bindings@0.7.1",
                "github.com/mongodb/mongo-tools@100.9.4", "requests@2.32.3", "mysql-connector-python@8.4.0",
                "mixed-lib@1.0.0", "berkeleydb@6.2.32");
        assertThat(check.findings().get(2).message()).isEqualTo("requests@2.32.3 is licensed 'Apache 2.0': "
                + "'Apache 2.0' is not an SPDX license id, so not in the allow list.");
        assertThat(check.findings().get(4).message()).isEqualTo("mixed-lib@1.0.0 is licensed MIT AND GPL-2.0: "
                + "GPL-2.0 is not in the allow list.");
    }

    @Test
    void shouldFailComponentsWithoutLicenseWhenAsked() throws Exception {
        RuleCheck check = check("{deny: [SSPL-1.0], failOnMissing: true}");

        assertThat(check.findings()).extracting(Finding::key).containsExactly("github.com/mongodb/mongo-tools"
                + "@100.9.4", "pyyaml@6.0.1");
        assertThat(check.findings().get(1).message()).isEqualTo("pyyaml@6.0.1 declares no license.");
        assertThat(check.message()).isEqualTo("1 of the 20 components in cyclonedx-image.json have a license the "
                + "policy refuses, and 1 declare no license.");
        assertThat(check.evidence()).contains(entry("failing", 2));
    }

    @Test
    void shouldPassWhenNoLicenseIsRefused() throws Exception {
        RuleCheck check = check("deny: [EUPL-1.2]");

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("None of the 20 components in cyclonedx-image.json has a license the "
                + "policy refuses; 1 declare no license (listed in the evidence).");
        assertThat(list(check, "failingComponents")).isEmpty();
    }

    @Test
    void shouldNotApplyWithoutSbom() throws Exception {
        RuleCheck check = type.check(rule("sbomLicenses", DENY), Evidence.builder().build());

        assertThat(check.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(check.message()).isEqualTo("No SBOM (CycloneDX JSON) was given.");
    }
}
