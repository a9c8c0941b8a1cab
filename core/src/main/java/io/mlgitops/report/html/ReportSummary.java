package io.mlgitops.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line facts of a report that the page header and the Markdown summary show: kind, subject, status, time and
 * digest. Reads any JSON value without failing.
 *
 * @param kind     the report's kind, or {@code ?}
 * @param subject  the subject in one line
 * @param status   the status word, or {@code ?}
 * @param finished when the run finished, for reading
 * @param digest   the digest as written, or {@code null}
 */
public record ReportSummary(String kind, String subject, String status, String finished, String digest) {
    private static final int SUBJECT_FIELDS = 4;
    private static final int SUBJECT_LENGTH = 160;

    public static ReportSummary of(final JsonNode report) {
        return new ReportSummary(Nodes.text(report, "kind", "?"), subject(report.path("subject")),
                Nodes.text(report, "status", "?"), Format.instant(Nodes.text(report, "finishedAt")),
                Nodes.text(report, "digest"));
    }

    /** The subject's scalar fields as {@code name value, ...}. */
    private static String subject(final JsonNode subject) {
        if (!subject.isObject()) {
            return subject.isMissingNode() || subject.isNull() ? Format.NONE : Format.shorten(Nodes.text(subject),
                    SUBJECT_LENGTH);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : subject.properties()) {
            if (field.getValue().isValueNode() && !field.getValue().isNull() && parts.size() < SUBJECT_FIELDS) {
                parts.add(field.getKey() + " " + Nodes.text(field.getValue()));
            }
        }
        return parts.isEmpty() ? Format.NONE : Format.shorten(String.join(", ", parts), SUBJECT_LENGTH);
    }

    /** The verdict of several reports: ERROR if any errored, else FAILED if any failed, else PASSED if all passed. */
    public static String overall(final List<ReportSummary> summaries) {
        List<String> statuses = summaries.stream().map(summary -> summary.status().toUpperCase(Locale.ROOT))
                .toList();
        if (statuses.isEmpty()) {
            return "NONE";
        }
        if (statuses.contains("ERROR")) {
            return "ERROR";
        }
        if (statuses.contains("FAILED")) {
            return "FAILED";
        }
        return statuses.stream().allMatch("PASSED"::equals) ? "PASSED" : "UNKNOWN";
    }
}
