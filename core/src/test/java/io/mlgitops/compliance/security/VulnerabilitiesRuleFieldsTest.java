package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.mlgitops.compliance.security.SecurityFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fields of a {@code vulnerabilities} rule, checked when the policy is read. */
class VulnerabilitiesRuleFieldsTest {
    private final VulnerabilitiesRule type = new VulnerabilitiesRule();

    @Test
    void shouldAcceptItsFields() {
        assertThat(type.name()).isEqualTo("vulnerabilities");
        assertThat(type.fields()).containsExactlyInAnyOrder("maxCvss", "severity", "ignoreUnfixed");
        assertThatCode(() -> type.validate(rule("vulnerabilities", "{maxCvss: 7.0, ignoreUnfixed: false}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> type.validate(rule("vulnerabilities", "{severity: Critical, maxCvss: 0}")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ignoreUnfixed: true           | rule 'r1' (vulnerabilities): needs one of the fields maxCvss, severity",
        "{maxCvss: null, severity: ~}  | rule 'r1' (vulnerabilities): needs one of the fields maxCvss, severity",
        "maxCvss: 10.5                 | field 'maxCvss': must be a CVSS score from 0 to 10, got 10.5",
        "maxCvss: -1                   | field 'maxCvss': must be a CVSS score from 0 to 10, got -1.0",
        "maxCvss: high                 | field 'maxCvss': must be a number",
        "severity: UNKNOWN             | field 'severity': must be one of LOW, MEDIUM, HIGH, CRITICAL (any letter "
                + "case), got 'UNKNOWN'",
        "severity: severe              | field 'severity': must be one of LOW, MEDIUM, HIGH, CRITICAL",
        "{maxCvss: 7, ignoreUnfixed: \"no\"} | field 'ignoreUnfixed': must be true or false",
    })
    void shouldRefuseBadFieldsNamingPolicyRuleAndField(final String fields, final String problem) {
        assertThatThrownBy(() -> type.validate(rule("vulnerabilities", fields))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml: rule 'r1' (vulnerabilities)").hasMessageContaining(problem);
    }
}
