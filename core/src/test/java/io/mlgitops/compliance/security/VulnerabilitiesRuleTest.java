package io.mlgitops.compliance.security;

import io.mlgitops.compliance.Evidence;
import io.mlgitops.compliance.Finding;
import io.mlgitops.compliance.RuleCheck;
import io.mlgitops.compliance.RuleFields;
import io.mlgitops.compliance.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mlgitops.compliance.security.SecurityFixtures.copy;
import static io.mlgitops.compliance.security.SecurityFixtures.list;
import static io.mlgitops.compliance.security.SecurityFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code vulnerabilities} rule on a Trivy image report (os-pkgs and lang-pkgs, fixed and unfixed, scores from
 * several sources and none) and a Grype folder report (a GHSA with its NVD record, v4 and v2 scores).
 */
class VulnerabilitiesRuleTest {
    private static final String TRIVY = "trivy-image.json";
    private static final String GRYPE = "grype-dir.json";

    private final VulnerabilitiesRule type = new VulnerabilitiesRule();

    @TempDir
    Path folder;

    private RuleCheck check(final String fields, final String... reports) throws Exception {
        RuleFields rule = rule("vulnerabilities", fields);
        type.validate(rule);
        List<Path> files = new ArrayList<>();
        for (String report : reports) {
            files.add(copy(report, folder));
        }
        return type.check(rule, Evidence.builder().securityReports(files).build());
    }

    private static Map<String, Object> failing(final RuleCheck check, final String id, final String packageName) {
        return list(check, "failingVulnerabilities").stream()
                .filter(item -> id.equals(item.get("id")) && packageName.equals(item.get("package"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " in " + packageName + " is not failing: "
                        + check.evidence()));
    }

    @Test
    void shouldFailTheScoresAboveMaxCvssOfATrivyReport() throws Exception {
        RuleCheck check = check("maxCvss: 7.0", TRIVY);

        assertThat(check.status()).isEqualTo(RuleStatus.FAILED);
        assertThat(check.message()).isEqualTo("5 of the 11 vulnerabilities in trivy-image.json have CVSS above 7.0.");
        assertThat(check.findings()).extracting(Finding::key).containsExactly("CVE-2026-10001", "CVE-2026-10001",
                "CVE-2026-10005", "CVE-2026-20003", "CVE-2026-10002");
        assertThat(check.findings().get(0).message()).isEqualTo("CVE-2026-10001 in libssl3 3.0.11-1~deb12u2 (fixed "
                + "in 3.0.15-1~deb12u1): CVSS 9.8 (nvd V3) is above 7.0.");
        assertThat(check.findings().get(4).message()).isEqualTo("CVE-2026-10002 in zlib1g 1:1.2.13.dfsg-1 (no fix "
                + "yet): CVSS 7.5 (nvd V3) is above 7.0.");
        assertThat(check.evidence()).contains(entry("vulnerabilities", 11), entry("failing", 5),
                entry("belowBound", 6), entry("skippedUnfixed", 0), entry("unrated", 1));
        Map<String, Object> report = list(check, "reports").get(0);
        assertThat(report).contains(entry("scanner", "trivy"), entry("scannerVersion", "0.62.1"),
                entry("artifact", "registry.example.com/ml/churn-model:1.4.0"), entry("findings", 11));
        assertThat(report.get("file").toString()).endsWith(TRIVY);
        assertThat(report.get("bySeverity")).isEqualTo(Map.of("CRITICAL", 2, "HIGH", 3, "MEDIUM", 4, "LOW", 1,
                "UNKNOWN", 1));
        assertThat(failing(check, "CVE-2026-10001", "openssl")).containsExactly(entry("id", "CVE-2026-10001"),
                entry("package", "openssl"), entry("installed", "3.0.11-1~deb12u2"),
                entry("fixed", "3.0.15-1~deb12u1"), entry("severity", "CRITICAL"), entry("cvss", 9.8),
                entry("scoreSource", "nvd V3"),
                entry("target", "registry.example.com/ml/churn-model:1.4.0 (debian 12.5)"));
    }

    @Test
    void shouldTakeTrivyScoresFromTheSeveritySourceThenNvdThenTheHighest() throws Exception {
        RuleCheck check = check("maxCvss: 0", TRIVY);

        assertThat(failing(check, "CVE-2026-10003", "libc6")).as("the severity source beats a higher nvd score")
                .contains(entry("cvss", 5.9), entry("scoreSource", "redhat V3"));
        assertThat(failing(check, "CVE-2026-10002", "zlib1g")).as("nvd when the severity source has no score")
                .contains(entry("cvss", 7.5), entry("scoreSource", "nvd V3"));
        assertThat(failing(check, "CVE-2026-20001", "scikit-learn")).as("ghsa, the severity source")
                .contains(entry("cvss", 5.3), entry("scoreSource", "ghsa V3"));
        assertThat(failing(check, "CVE-2026-20002", "requests")).as("V4.0 when the entry has no V3")
                .contains(entry("cvss", 6.9), entry("scoreSource", "ghsa V4.0"));
        assertThat(failing(check, "CVE-2026-20003", "pillow")).as("the highest source without ghsa or nvd")
                .contains(entry("cvss", 8.8), entry("scoreSource", "bitnami V3"));
        assertThat(failing(check, "CVE-2026-20005", "jinja2")).as("V2 when it is the only score")
                .contains(entry("cvss", 6.8), entry("scoreSource", "nvd V2"));
        assertThat(failing(check, "CVE-2026-10004", "perl-base")).as("no CVSS: judged by its severity")
                .doesNotContainKey("cvss").contains(entry("scoreSource", "none (judged by severity)"));
        assertThat(failing(check, "CVE-2026-20002", "requests").get("target")).isEqualTo("Python (usr/local/lib/"
                + "python3.11/site-packages/requests-2.31.0.dist-info/METADATA)");
        assertThat(check.evidence()).contains(entry("failing", 10), entry("unrated", 1));
    }

    @Test
    void shouldPreferV3OverV4WithinTheChosenSource() throws Exception {
        SecurityFixtures.write(folder, "v3-v4.json", """
                {"SchemaVersion": 2, "ArtifactName": ".", "Results": [{"Target": "uv.lock", "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-2026-1", "PkgName": "a", "InstalledVersion": "1", "Severity": "HIGH",
                   "SeveritySource": "ghsa", "CVSS": {"ghsa": {"V40Score": 8.2, "V3Score": 7.1, "V2Score": 9.3},
                   "nvd": {"V3Score": 9.9}}}]}]}
                """);
        RuleFields rule = rule("vulnerabilities", "maxCvss: 0");

        RuleCheck check = type.check(rule, Evidence.builder().securityReports(List.of(folder.resolve("v3-v4.json")))
                .build());

        assertThat(failing(check, "CVE-2026-1", "a")).contains(entry("cvss", 7.1), entry("scoreSource", "ghsa V3"));
    }

    @Test
    void shouldTakeGrypeScoresFromV3AndV4EntriesOfTheRelatedRecordsToo() throws Exception {
        RuleCheck check = check("maxCvss: 0", GRYPE);

        assertThat(failing(check, "GHSA-4f8m-2x7q-9c3v", "transformers")).as("the NVD record of the GHSA's CVE")
                .contains(entry("cvss", 9.1), entry("scoreSource", "nvd@nist.gov CVSS 3.1"),
                        entry("severity", "HIGH"), entry("fixed", "4.38.0"), entry("target", "/app/requirements.txt"));
        assertThat(failing(check, "CVE-2026-30003", "torch")).as("the higher of a v4.0 and a v3.1 score")
                .contains(entry("cvss", 8.7), entry("scoreSource", "security-advisories@github.com CVSS 4.0"));
        assertThat(failing(check, "CVE-2026-30002", "libexpat1")).as("v2 only when there is no v3 or v4")
                .contains(entry("cvss", 5.0), entry("scoreSource", "nvd@nist.gov CVSS 2.0"), entry("fixed", ""));
        assertThat(failing(check, "CVE-2026-30004", "pyyaml")).doesNotContainKey("cvss");
        assertThat(list(check, "failingVulnerabilities")).extracting(item -> item.get("id"))
                .doesNotContain("CVE-2026-39999");
        assertThat(list(check, "reports").get(0)).contains(entry("scanner", "grype"), entry("scannerVersion",
                "0.87.0"), entry("artifact", "/app"), entry("findings", 5));
        assertThat(list(check, "reports").get(0).get("bySeverity")).isEqualTo(Map.of("HIGH", 2, "MEDIUM", 1,
                "LOW", 1, "NEGLIGIBLE", 1));
    }

    @Test
    void shouldFailAGrypeReportOnTheChosenScores() throws Exception {
        RuleCheck check = check("maxCvss: 7.0", GRYPE);

        assertThat(check.findings()).extracting(Finding::key).containsExactly("GHSA-4f8m-2x7q-9c3v",
                "CVE-2026-20003", "CVE-2026-30003");
        assertThat(check.findings().get(0).message()).isEqualTo("GHSA-4f8m-2x7q-9c3v in transformers 4.36.0 "
                + "(fixed in 4.38.0): CVSS 9.1 (nvd@nist.gov CVSS 3.1) is above 7.0.");
    }

    @Test
    void shouldJudgeAFindingWithoutScoreByItsSeverityBand() throws Exception {
        RuleCheck atSeven = check("maxCvss: 7.0", TRIVY);
        Finding gnutls = atSeven.findings().stream().filter(finding -> finding.message().contains("libgnutls30"))
                .findFirst().orElseThrow();
        assertThat(gnutls.message()).endsWith("it has no CVSS score, and severity HIGH (CVSS 7.0-8.9) reaches above "
                + "7.0.");

        assertThat(check("maxCvss: 9.0", TRIVY).findings()).extracting(Finding::message)
                .noneMatch(message -> message.contains("libgnutls30"));
        assertThat(check("maxCvss: 3.5", TRIVY).findings()).extracting(Finding::message)
                .anyMatch(message -> message.contains("perl-base"));
    }

    @Test
    void shouldFailAtOrAboveASeverityInAnyLetterCase() throws Exception {
        RuleCheck high = check("severity: high", TRIVY);
        assertThat(high.findings()).extracting(Finding::key).containsExactlyInAnyOrder("CVE-2026-10001",
                "CVE-2026-10001", "CVE-2026-10002", "CVE-2026-10005", "CVE-2026-20003");
        assertThat(high.message()).contains("have severity HIGH or higher");

        RuleCheck critical = new VulnerabilitiesRule().check(rule("vulnerabilities", "severity: CRITICAL"),
                Evidence.builder().securityReports(List.of(folder.resolve(TRIVY))).build());
        assertThat(critical.findings()).extracting(Finding::message).containsExactly(
                "CVE-2026-10001 in libssl3 3.0.11-1~deb12u2 (fixed in 3.0.15-1~deb12u1): severity CRITICAL is "
                        + "CRITICAL or higher.",
                "CVE-2026-10001 in openssl 3.0.11-1~deb12u2 (fixed in 3.0.15-1~deb12u1): severity CRITICAL is "
                        + "CRITICAL or higher.");
    }

    @Test
    void shouldFailOnEitherBoundWhenBothAreGiven() throws Exception {
        RuleCheck check = check("{maxCvss: 5.5, severity: CRITICAL}", TRIVY);

        assertThat(check.evidence()).contains(entry("failing", 8));
        assertThat(check.findings().get(0).message()).endsWith("CVSS 9.8 (nvd V3) is above 5.5, and severity "
                + "CRITICAL is CRITICAL or higher.");
        assertThat(check.message()).contains("have CVSS above 5.5 or severity CRITICAL or higher");
    }

    @Test
    void shouldSkipFindingsWithoutAFixWhenAsked() throws Exception {
        RuleCheck check = check("{maxCvss: 7.0, ignoreUnfixed: true}", TRIVY);

        assertThat(check.findings()).extracting(Finding::key).doesNotContain("CVE-2026-10002").hasSize(4);
        assertThat(check.evidence()).contains(entry("skippedUnfixed", 3), entry("belowBound", 4),
                entry("unrated", 0));
        assertThat(check.message()).isEqualTo("4 of the 11 vulnerabilities in trivy-image.json have CVSS above 7.0;"
                + " 3 without a fix were skipped.");
    }

    @Test
    void shouldCountAPackageFoundByTwoScannersOnceWithTheHigherScore() throws Exception {
        RuleCheck check = check("maxCvss: 7.0", TRIVY, GRYPE);

        assertThat(check.evidence()).contains(entry("vulnerabilities", 15), entry("failing", 7));
        assertThat(list(check, "reports")).extracting(report -> report.get("scanner")).containsExactly("trivy",
                "grype");
        assertThat(failing(check, "CVE-2026-20003", "pillow")).contains(entry("cvss", 9.0),
                entry("target", "Python (usr/local/lib/python3.11/site-packages/pillow-10.0.0.dist-info/METADATA); "
                        + "/app/requirements.txt"));
        assertThat(check.findings()).filteredOn(finding -> finding.key().equals("CVE-2026-20003")).hasSize(1);
        assertThat(check.message()).isEqualTo("7 of the 15 vulnerabilities in 2 reports have CVSS above 7.0.");
    }

    @Test
    void shouldPassWhenEveryScoreIsWithinTheBound() throws Exception {
        RuleCheck check = check("maxCvss: 10", TRIVY);

        assertThat(check.status()).isEqualTo(RuleStatus.PASSED);
        assertThat(check.message()).isEqualTo("None of the 11 vulnerabilities in trivy-image.json has CVSS above "
                + "10.0.");
        assertThat(list(check, "failingVulnerabilities")).isEmpty();
        assertThat(check.evidence()).contains(entry("belowBound", 11));
    }

    @Test
    void shouldNotApplyWithoutReports() throws Exception {
        RuleCheck check = type.check(rule("vulnerabilities", "maxCvss: 7"), Evidence.builder().build());

        assertThat(check.status()).isEqualTo(RuleStatus.NOT_APPLICABLE);
        assertThat(check.message()).contains("No vulnerability report");
    }

    @Test
    void shouldReadAHundredThousandFindings() throws Exception {
        Path file = folder.resolve("large.json");
        StringBuilder json = new StringBuilder("{\"SchemaVersion\": 2, \"Results\": [");
        for (int result = 0; result < 100; result++) {
            json.append(result == 0 ? "" : ",").append("{\"Target\": \"layer ").append(result)
                    .append("\", \"Vulnerabilities\": [");
            for (int i = 0; i < 1000; i++) {
                json.append(i == 0 ? "" : ",").append("{\"VulnerabilityID\": \"CVE-2026-").append(i)
                        .append("\", \"PkgName\": \"pkg").append(result).append("\", \"InstalledVersion\": \"1.0\",")
                        .append(" \"Severity\": \"MEDIUM\", \"SeveritySource\": \"nvd\", \"CVSS\": {\"nvd\": ")
                        .append("{\"V3Score\": ").append(i % 100 / 10.0).append("}}, \"Description\": \"")
                        .append("x".repeat(200)).append("\"}");
            }
            json.append("]}");
        }
        Files.writeString(file, json.append("]}"));

        RuleCheck check = type.check(rule("vulnerabilities", "maxCvss: 9.0"),
                Evidence.builder().securityReports(List.of(file)).build());

        assertThat(check.evidence()).contains(entry("vulnerabilities", 100_000), entry("failing", 9_000));
        assertThat(check.findings()).hasSize(9_000);
    }
}
