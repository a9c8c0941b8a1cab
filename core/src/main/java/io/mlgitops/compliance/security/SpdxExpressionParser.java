package io.mlgitops.compliance.security;

import io.mlgitops.compliance.security.SpdxExpression.All;
import io.mlgitops.compliance.security.SpdxExpression.Any;
import io.mlgitops.compliance.security.SpdxExpression.License;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses SPDX license expressions: {@code MIT OR (Apache-2.0 AND BSD-3-Clause)}, {@code GPL-2.0+},
 * {@code GPL-2.0-only WITH Classpath-exception-2.0}. WITH binds tighter than AND, and AND tighter than OR; the
 * operators are read in any letter case.
 */
final class SpdxExpressionParser {
    private static final String OR = "OR";
    private static final String AND = "AND";
    private static final String WITH = "WITH";

    /** A word or parenthesis, and where it starts (0-based). */
    private record Token(String text, int offset) {
        boolean is(final String keyword) {
            return text.equalsIgnoreCase(keyword);
        }
    }

    private final String expression;
    private final List<Token> tokens;
    private int next;

    private SpdxExpressionParser(final String expression, final List<Token> tokens) {
        this.expression = expression;
        this.tokens = tokens;
    }

    /** @throws ParseException saying what was expected, with the offset where the expression goes wrong */
    static SpdxExpression parse(final String expression) throws ParseException {
        SpdxExpressionParser parser = new SpdxExpressionParser(expression, tokenize(expression));
        SpdxExpression parsed = parser.anyOf();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new ParseException("expected AND, OR or the end, got '" + extra.text() + "'", extra.offset());
        }
        return parsed;
    }

    private static List<Token> tokenize(final String expression) throws ParseException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i++));
            }
            else {
                int start = i;
                while (i < expression.length() && isWordCharacter(expression.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new ParseException("unexpected character '" + c + "'", i);
                }
                tokens.add(new Token(expression.substring(start, i), start));
            }
        }
        return tokens;
    }

    /** Letters, digits, '.', '-', ':' (in DocumentRef-...:LicenseRef-...) and '+' (or later). */
    private static boolean isWordCharacter(final char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '+');
    }

    private SpdxExpression anyOf() throws ParseException {
        return joined(OR, Any::new, this::allOf);
    }

    private SpdxExpression allOf() throws ParseException {
        return joined(AND, All::new, this::term);
    }

    /** Operands joined by one operator; nested groups of the same operator are flattened. */
    private SpdxExpression joined(final String operator, final Function<List<SpdxExpression>, SpdxExpression> join,
            final Operand operand) throws ParseException {
        List<SpdxExpression> terms = new ArrayList<>();
        do {
            SpdxExpression term = operand.read();
            if (term instanceof Any any && OR.equals(operator)) {
                terms.addAll(any.terms());
            }
            else if (term instanceof All all && AND.equals(operator)) {
                terms.addAll(all.terms());
            }
            else {
                terms.add(term);
            }
        }
        while (accept(operator));
        return terms.size() == 1 ? terms.get(0) : join.apply(terms);
    }

    /** Reads one operand of an operator. */
    @FunctionalInterface
    private interface Operand {
        SpdxExpression read() throws ParseException;
    }

    private SpdxExpression term() throws ParseException {
        Token token = take("a license id or '('");
        if (token.is("(")) {
            SpdxExpression inner = anyOf();
            Token closing = take("')'");
            if (!closing.is(")")) {
                throw new ParseException("expected ')', got '" + closing.text() + "'", closing.offset());
            }
            return inner;
        }
        String id = word(token, "a license id");
        boolean orLater = id.endsWith("+");
        if (orLater) {
            id = id.substring(0, id.length() - 1);
        }
        if (id.isEmpty() || id.contains("+")) {
            throw new ParseException("'" + token.text() + "' is not a license id ('+' may only end one)",
                    token.offset());
        }
        String exception = "";
        if (accept(WITH)) {
            Token exceptionToken = take("an exception id after WITH");
            exception = word(exceptionToken, "an exception id after WITH");
            if (exception.contains("+")) {
                throw new ParseException("'" + exception + "' is not an exception id", exceptionToken.offset());
            }
        }
        return new License(id, orLater, exception);
    }

    /** The token's text when it is a word, not an operator or parenthesis. */
    private static String word(final Token token, final String expected) throws ParseException {
        if (token.is("(") || token.is(")") || token.is(AND) || token.is(OR) || token.is(WITH)) {
            throw new ParseException("expected " + expected + ", got '" + token.text() + "'", token.offset());
        }
        return token.text();
    }

    private Token take(final String expected) throws ParseException {
        if (next >= tokens.size()) {
            throw new ParseException("expected " + expected + " at the end", expression.length());
        }
        return tokens.get(next++);
    }

    private boolean accept(final String keyword) {
        if (next < tokens.size() && tokens.get(next).is(keyword)) {
            next++;
            return true;
        }
        return false;
    }
}
