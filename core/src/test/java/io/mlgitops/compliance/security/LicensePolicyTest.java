package io.mlgitops.compliance.security;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.compliance.security.SpdxExpression.UnknownLicense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.ParseException;
import java.util.List;

import static io.mlgitops.compliance.security.SecurityFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a deny list, an allow list and both accept, expression by expression. */
class LicensePolicyTest {
    private static LicensePolicy policy(final String fields) throws InputException {
        return LicensePolicy.of(rule("sbomLicenses", fields));
    }

    private static List<String> problems(final LicensePolicy policy, final String expression)
            throws ParseException {
        return policy.problems(SpdxExpressionParser.parse(expression));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AGPL-3.0-only                          | AGPL-3.0-only is denied",
        "agpl-3.0-ONLY                          | agpl-3.0-ONLY is denied",
        "AGPL-3.0                               | AGPL-3.0 is denied",
        "MIT AND AGPL-3.0-only                  | AGPL-3.0-only is denied",
        "(MIT AND SSPL-1.0) OR AGPL-3.0-only    | SSPL-1.0 is denied; AGPL-3.0-only is denied",
        "GPL-2.0-only WITH Classpath-exception-2.0 | GPL-2.0-only WITH Classpath-exception-2.0 is denied",
        "GPL-2.0                                | GPL-2.0 is denied",
        "MIT                                    | ''",
        "MIT OR AGPL-3.0-only                   | ''",
        "AGPL-3.0-or-later                      | ''",
        "AGPL-3.0+                              | ''",
        "GPL-2.0+                               | ''",
        "SSPL-1.0+                              | SSPL-1.0+ is denied",
    })
    void shouldRefuseDeniedLicensesUnlessAnOrBranchIsAcceptable(final String expression, final String expected)
            throws Exception {
        LicensePolicy policy = policy("deny: [AGPL-3.0-only, SSPL-1.0, SSPL-1.0+, GPL-2.0-only]");

        assertThat(String.join("; ", problems(policy, expression))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mit                                    | ''",
        "MIT AND Apache-2.0                     | ''",
        "MIT AND ISC                            | ISC is not in the allow list",
        "ISC OR 0BSD                            | ISC is not in the allow list; 0BSD is not in the allow list",
        "ISC OR Apache-2.0                      | ''",
        "LGPL-2.1-or-later                      | ''",
        "LGPL-2.1+                              | ''",
        "LGPL-2.1                               | ''",
        "LGPL-3.0-only                          | LGPL-3.0-only is not in the allow list",
        "MPL-2.0+                               | ''",
        "GPL-3.0-only WITH GCC-exception-3.1    | ''",
        "GPL-3.0-or-later WITH GCC-exception-3.1 | ''",
        "GPL-3.0-only                           | GPL-3.0-only is not in the allow list",
        "Apache-2.0 WITH LLVM-exception         | ''",
    })
    void shouldAcceptOnlyAllowedLicenses(final String expression, final String expected) throws Exception {
        LicensePolicy policy = policy("allow: [MIT, Apache-2.0, LGPL-2.1-only, MPL-2.0, "
                + "GPL-3.0-only WITH GCC-exception-3.1]");

        assertThat(String.join("; ", problems(policy, expression))).isEqualTo(expected);
    }

    @Test
    void shouldLetAnAllowedExceptionFormOverrideADeniedLicense() throws Exception {
        LicensePolicy policy = policy("{deny: [GPL-2.0-only], allow: [MIT, GPL-2.0-only WITH "
                + "Classpath-exception-2.0]}");

        assertThat(problems(policy, "GPL-2.0 WITH Classpath-exception-2.0")).isEmpty();
        assertThat(problems(policy, "GPL-2.0-only WITH Autoconf-exception-2.0")).containsExactly(
                "GPL-2.0-only WITH Autoconf-exception-2.0 is denied");
        assertThat(problems(policy, "GPL-2.0-only")).containsExactly("GPL-2.0-only is denied");
        assertThat(problems(policy("deny: [GPL-2.0-only WITH Classpath-exception-2.0]"),
                "GPL-2.0-only WITH classpath-exception-2.0")).hasSize(1);
    }

    @Test
    void shouldRefuseUnknownLicensesOnlyWithAnAllowList() throws Exception {
        UnknownLicense unknown = new UnknownLicense("Apache License, Version 2.0");

        assertThat(policy("deny: [AGPL-3.0-only]").problems(unknown)).isEmpty();
        assertThat(policy("allow: [Apache-2.0]").problems(unknown)).containsExactly(
                "'Apache License, Version 2.0' is not an SPDX license id, so not in the allow list");
        assertThat(policy("allow: [MIT]").problems(new SpdxExpression.Any(List.of(unknown,
                SpdxExpressionParser.parse("MIT"))))).isEmpty();
    }

    @Test
    void shouldAcceptCustomLicenseReferences() throws Exception {
        LicensePolicy policy = policy("allow: [LicenseRef-acme-model-license]");

        assertThat(problems(policy, "LicenseRef-acme-model-license")).isEmpty();
        assertThat(problems(policy, "LicenseRef-other")).containsExactly("LicenseRef-other is not in the allow list");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deny: [AGPL-3]                  | field 'deny': 'AGPL-3' is not an SPDX license id (see "
                + "https://spdx.org/licenses/); name a custom license LicenseRef-<name>",
        "deny: [MIT OR ISC]              | field 'deny': 'MIT OR ISC' is an expression; list single license ids",
        "allow: ['MIT,ISC']              | field 'allow': 'MIT,ISC' is not an SPDX license id (unexpected "
                + "character ',')",
        "allow: {id: MIT}                | field 'allow': must be a list of texts",
        "{deny: [GPL-2.0], allow: [gpl-2.0-only]} | field 'allow': names gpl-2.0-only, which deny names too",
    })
    void shouldRefuseListsThatDoNotNameSpdxIds(final String fields, final String problem) {
        assertThatThrownBy(() -> policy(fields)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("policy.yaml: rule 'r1' (sbomLicenses)").hasMessageContaining(problem);
    }
}
