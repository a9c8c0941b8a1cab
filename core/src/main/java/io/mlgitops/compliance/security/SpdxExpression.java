package io.mlgitops.compliance.security;

import java.util.List;
import java.util.stream.Collectors;

/** A license expression (SPDX 2.3 Annex D): license ids, optionally "or later" and with an exception, AND, OR. */
sealed interface SpdxExpression {
    /** The expression as SPDX writes it. */
    String text();

    /**
     * One license: {@code id}, {@code id+} (this version or any later one) or {@code id WITH exception}.
     *
     * @param exception the exception id, empty when there is none
     */
    record License(String id, boolean orLater, String exception) implements SpdxExpression {
        @Override
        public String text() {
            return id + (orLater ? "+" : "") + (exception.isEmpty() ? "" : " WITH " + exception);
        }
    }

    /** A license named by text that is not an SPDX license id, e.g. {@code Apache License, Version 2.0}. */
    record UnknownLicense(String name) implements SpdxExpression {
        @Override
        public String text() {
            return "'" + name + "'";
        }
    }

    /** {@code a AND b}: every term applies. */
    record All(List<SpdxExpression> terms) implements SpdxExpression {
        public All {
            terms = List.copyOf(terms);
        }

        @Override
        public String text() {
            return terms.stream().map(term -> term instanceof Any ? "(" + term.text() + ")" : term.text())
                    .collect(Collectors.joining(" AND "));
        }
    }

    /** {@code a OR b}: the licensee may choose any term. */
    record Any(List<SpdxExpression> terms) implements SpdxExpression {
        public Any {
            terms = List.copyOf(terms);
        }

        @Override
        public String text() {
            return terms.stream().map(SpdxExpression::text).collect(Collectors.joining(" OR "));
        }
    }
}
