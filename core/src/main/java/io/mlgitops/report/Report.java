package io.mlgitops.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One gate run's record (DESIGN §5): what was judged, from which inputs, with which outcome and evidence. Rendered to
 * JSON by {@link ReportJson}, which also computes {@link #digest()}.
 *
 * @param schemaVersion version of this document's schema
 * @param kind          {@code benchmark}, {@code compliance}, {@code promotion} or {@code canary}
 * @param status        the gate's outcome
 * @param startedAt     ISO-8601 instant the run started
 * @param finishedAt    ISO-8601 instant the run finished
 * @param subject       what was judged: model name, version, references
 * @param inputs        every input with its SHA-256 digest
 * @param results       kind-specific results
 * @param messages      what the engine noticed
 * @param digest        SHA-256 of the canonical document without this field; empty until computed
 * @param <R>           the type of the kind-specific results
 */
@JsonPropertyOrder({"schemaVersion", "kind", "status", "startedAt", "finishedAt", "subject", "inputs", "results",
        "messages", "digest"})
public record Report<R>(int schemaVersion, String kind, Status status, String startedAt, String finishedAt,
        Map<String, Object> subject, Map<String, Object> inputs, R results, List<Message> messages, String digest) {
    public static final int SCHEMA_VERSION = 1;

    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        subject = Collections.unmodifiableMap(new LinkedHashMap<>(subject));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        messages = List.copyOf(messages);
        digest = digest == null ? "" : digest;
    }

    /** This report with its digest set. */
    public Report<R> withDigest(final String sha256) {
        return new Report<>(schemaVersion, kind, status, startedAt, finishedAt, subject, inputs, results, messages,
                sha256);
    }
}
