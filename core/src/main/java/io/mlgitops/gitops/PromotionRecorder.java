package io.mlgitops.gitops;

import io.mlgitops.report.Message;
import io.mlgitops.report.Report;
import io.mlgitops.report.Status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what a promotion or rollback did, step by step, into its report. */
final class PromotionRecorder {
    static final String KIND = "promotion";

    private final String operation;
    private final String model;
    private final String version;
    private final String environment;
    private final String branch;
    private final boolean pullRequestMode;
    private final String repository;
    private final List<String> requestedEdits;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private String promotionId;
    private CommitOutcome outcome;
    private String alreadyApplied;
    private List<AppliedEdit> edits = List.of();
    private PromotionResults.AliasChange alias;
    private Map<String, String> tags = Map.of();
    private String stage;
    private PromotionResults.PullRequestRecord pullRequest;
    private PromotionResults.SyncRecord sync;

    /**
     * @param operation       {@code promote} or {@code rollback}
     * @param requestedEdits  the edits as asked for, for the report's inputs
     */
    PromotionRecorder(final String operation, final String model, final String version, final String environment,
            final String branch, final boolean pullRequestMode, final String repository,
            final List<String> requestedEdits) {
        this.operation = operation;
        this.model = model;
        this.version = version;
        this.environment = environment;
        this.branch = branch;
        this.pullRequestMode = pullRequestMode;
        this.repository = repository;
        this.requestedEdits = List.copyOf(requestedEdits);
    }

    /** The recorder of a promotion. */
    static PromotionRecorder promotion(final PromotionSettings settings, final String repository) {
        return new PromotionRecorder("promote", settings.model(), settings.version(), settings.environment(),
                settings.branch(), settings.pullRequest(), repository,
                settings.edits().stream().map(edit -> edit.file() + ":" + edit.path()).toList());
    }

    PromotionRecorder promotionId(final String id) {
        this.promotionId = id;
        return this;
    }

    String promotionId() {
        return promotionId;
    }

    /**
     * @param why why no commit was needed ({@code promotion-id}, {@code values}), or {@code null}
     */
    PromotionRecorder commit(final CommitOutcome commitOutcome, final String why, final List<AppliedEdit> applied) {
        this.outcome = commitOutcome;
        this.alreadyApplied = why;
        this.edits = List.copyOf(applied);
        return this;
    }

    String commit() {
        return outcome == null ? null : outcome.commit();
    }

    boolean committed() {
        return outcome != null && outcome.committed();
    }

    int attempts() {
        return outcome == null ? 0 : outcome.attempts();
    }

    PromotionRecorder alias(final PromotionResults.AliasChange change) {
        this.alias = change;
        return this;
    }

    PromotionRecorder tags(final Map<String, String> values) {
        this.tags = Map.copyOf(values);
        return this;
    }

    PromotionRecorder stage(final String value) {
        this.stage = value;
        return this;
    }

    PromotionRecorder pullRequest(final PromotionResults.PullRequestRecord record) {
        this.pullRequest = record;
        return this;
    }

    PromotionRecorder sync(final PromotionResults.SyncRecord record) {
        this.sync = record;
        return this;
    }

    /** Records the milliseconds since {@code startNanos} (a {@link System#nanoTime()} value) under a name. */
    PromotionRecorder timing(final String name, final long startedNanos) {
        timings.put(name, (System.nanoTime() - startedNanos) / 1_000_000);
        return this;
    }

    Report<PromotionResults> build(final Status status, final Instant started, final Instant finished,
            final List<Message> messages) {
        timing("totalMs", startNanos);
        PromotionResults results = new PromotionResults(operation, model, version, environment,
                pullRequestMode ? "pr" : "push", promotionId, repository,
                outcome == null ? branch : outcome.branch(), commit(),
                outcome != null && outcome.committed(), alreadyApplied, outcome == null ? 0 : outcome.attempts(),
                edits, alias, tags, stage, pullRequest, sync, timings);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("model", model);
        subject.put("version", version);
        subject.put("environment", environment);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("repository", repository);
        inputs.put("branch", branch);
        inputs.put("edits", requestedEdits);
        return new Report<>(Report.SCHEMA_VERSION, KIND, status, started.toString(), finished.toString(), subject,
                inputs, results, messages, "");
    }
}
