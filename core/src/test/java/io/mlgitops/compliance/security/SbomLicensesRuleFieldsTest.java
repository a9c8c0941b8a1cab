package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.mlgitops.compliance.security.SecurityFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fields of an {@code sbomLicenses} rule, checked when the policy is read. */
class SbomLicensesRuleFieldsTest {
    private final SbomLicensesRule type = new SbomLicensesRule();

    @Test
    void shouldAcceptItsFields() {
        assertThat(type.name()).isEqualTo("sbomLicenses");
        assertThat(type.fields()).containsExactlyInAnyOrder("deny", "allow", "failOnMissing");
        assertThatCode(() -> type.validate(rule("sbomLicenses", "deny: [AGPL-3.0-only, SSPL-1.0]")))
                .doesNotThrowAnyException();
        assertThatCode(() -> type.validate(rule("sbomLicenses", "{allow: MIT, failOnMissing: true}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> type.validate(rule("sbomLicenses", "failOnMissing: true"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | needs one of the fields allow, deny, failOnMissing",
        "{deny: [MIT], failOnMissing: 1}     | field 'failOnMissing': must be true or false",
        "deny: [Apache-2]                    | field 'deny': 'Apache-2' is not an SPDX license id",
        "deny: ['']                          | field 'deny': must be a list of non-empty texts",
    })
    void shouldRefuseBadFieldsNamingPolicyRuleAndField(final String fields, final String problem) {
        assertThatThrownBy(() -> type.validate(rule("sbomLicenses", fields))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml: rule 'r1' (sbomLicenses)").hasMessageContaining(problem);
    }
}
