package io.mlgitops.compliance.fairness;

import java.util.Collections;
import java.util.List;

/**
 * A term model inputs must not match, with the law or policy it comes from. A term matches a column when the term's
 * words occur in a row among the column's words ({@link NameTokens}): {@code health_status} matches
 * {@code patientHealthStatus}, {@code age} matches {@code age_band} but not {@code page_views} or {@code usage}.
 *
 * @param term     the term as written
 * @param words    its words
 * @param citation where the term comes from, e.g. {@code GDPR Art. 9(1)}
 */
record DenyTerm(String term, List<String> words, String citation) {
    DenyTerm {
        words = List.copyOf(words);
    }

    static DenyTerm of(final String term, final String citation) {
        return new DenyTerm(term, NameTokens.of(term), citation);
    }

    /** Whether this term's words occur, contiguous and in order, among the words of a column name. */
    boolean matches(final List<String> columnWords) {
        return !words.isEmpty() && Collections.indexOfSubList(columnWords, words) >= 0;
    }
}
