package io.mlgitops.compliance.security;

import io.mlgitops.compliance.security.SpdxExpression.All;
import io.mlgitops.compliance.security.SpdxExpression.Any;
import io.mlgitops.compliance.security.SpdxExpression.License;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.ParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpdxExpressionParserTest {
    private static License license(final String id) {
        return new License(id, false, "");
    }

    @Test
    void shouldBindWithTighterThanAndAndAndTighterThanOr() throws ParseException {
        SpdxExpression parsed = SpdxExpressionParser.parse(
                "MIT OR Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0 OR BSD-3-Clause");

        assertThat(parsed).isEqualTo(new Any(List.of(license("MIT"), new All(List.of(license("Apache-2.0"),
                new License("GPL-2.0-only", false, "Classpath-exception-2.0"))), license("BSD-3-Clause"))));
    }

    @Test
    void shouldGroupWithParenthesesAndFlattenRepeatedOperators() throws ParseException {
        assertThat(SpdxExpressionParser.parse("(MIT OR Apache-2.0) AND (BSD-2-Clause AND (ISC))"))
                .isEqualTo(new All(List.of(new Any(List.of(license("MIT"), license("Apache-2.0"))),
                        license("BSD-2-Clause"), license("ISC"))));
        assertThat(SpdxExpressionParser.parse("((MIT))")).isEqualTo(license("MIT"));
    }

    @Test
    void shouldReadOrLaterReferencesAndOperatorsInAnyCase() throws ParseException {
        assertThat(SpdxExpressionParser.parse("GPL-2.0+ with Bison-exception-2.2 or "
                + "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"))
                .isEqualTo(new Any(List.of(new License("GPL-2.0", true, "Bison-exception-2.2"),
                        license("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MIT OR Apache-2.0 AND BSD-3-Clause    | MIT OR Apache-2.0 AND BSD-3-Clause",
        "(MIT OR Apache-2.0) AND BSD-3-Clause  | (MIT OR Apache-2.0) AND BSD-3-Clause",
        "(MIT AND ISC) OR 0BSD                 | MIT AND ISC OR 0BSD",
        "gpl-3.0+  WITH  GCC-exception-3.1     | gpl-3.0+ WITH GCC-exception-3.1",
    })
    void shouldWriteTheExpressionBack(final String expression, final String text) throws ParseException {
        assertThat(SpdxExpressionParser.parse(expression).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                 | expected a license id or '(' at the end | 0",
        "MIT OR             | expected a license id or '(' at the end | 6",
        "(MIT               | expected ')' at the end                 | 4",
        "MIT)               | expected AND, OR or the end, got ')'    | 3",
        "MIT AND AND ISC    | expected a license id, got 'AND'        | 8",
        "MIT Apache-2.0     | expected AND, OR or the end, got 'Apache-2.0' | 4",
        "GPL+2.0            | 'GPL+2.0' is not a license id ('+' may only end one) | 0",
        "MIT WITH           | expected an exception id after WITH at the end | 8",
        "MIT/Apache-2.0     | unexpected character '/'                | 3",
        "GPL-2.0 WITH (x)   | expected an exception id after WITH, got '(' | 13",
    })
    void shouldSayWhereAnExpressionGoesWrong(final String expression, final String problem, final int offset) {
        assertThatThrownBy(() -> SpdxExpressionParser.parse(expression)).isInstanceOf(ParseException.class)
                .hasMessage(problem)
                .satisfies(failure -> assertThat(((ParseException) failure).getErrorOffset()).isEqualTo(offset));
    }
}
