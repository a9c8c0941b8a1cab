package io.mlgitops.benchmark;

import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assembles the benchmark report's subject and inputs around the results. */
final class BenchmarkReportBuilder {
    static final String KIND = "benchmark";

    private final Dataset dataset;
    private final ModelDescription candidate;
    private final Optional<ModelDescription> champion;
    private final String championReference;

    /**
     * @param champion          the champion that ran, empty when there was none yet
     * @param championReference the champion reference as requested, recorded even when it did not resolve
     */
    BenchmarkReportBuilder(final Dataset dataset, final ModelDescription candidate,
            final Optional<ModelDescription> champion, final String championReference) {
        this.dataset = dataset;
        this.candidate = candidate;
        this.champion = champion;
        this.championReference = championReference;
    }

    Report<BenchmarkResults> build(final Status status, final String startedAt, final String finishedAt,
            final BenchmarkResults results, final List<Message> messages) {
        return new Report<>(Report.SCHEMA_VERSION, KIND, status, startedAt, finishedAt, subject(), inputs(), results,
                messages, "");
    }

    private Map<String, Object> subject() {
        Map<String, Object> subject = new LinkedHashMap<>();
        putIfPresent(subject, "model", candidate.details().get("model"));
        putIfPresent(subject, "version", candidate.details().get("version"));
        subject.put("candidate", candidate.reference());
        subject.put("champion", championReference);
        return subject;
    }

    private Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("path", dataset.source());
        data.put("sha256", dataset.sha256());
        data.put("rows", dataset.rowCount());
        data.put("columns", dataset.columnNames());
        inputs.put("dataset", data);
        inputs.put("candidate", candidate);
        champion.ifPresent(description -> inputs.put("champion", description));
        return inputs;
    }

    private static void putIfPresent(final Map<String, Object> map, final String key, final String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
