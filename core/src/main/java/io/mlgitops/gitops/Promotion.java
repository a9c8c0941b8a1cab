package io.mlgitops.gitops;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.registry.ModelVersion;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;
import io.mlgitops.report.Status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a model version into an environment the GitOps way: checks the registry allows it, edits the environment's
 * manifests and pushes them with compare-and-swap (or opens a pull request), moves the alias and tags the version,
 * waits for Argo CD, and records everything. Running the same promotion again makes no second commit.
 */
public final class Promotion {
    private final PromotionSettings settings;
    private final GitOpsRepository repository;
    private final String repositoryName;
    private final Optional<PromotionRegistry> registry;
    private final Optional<ApplicationSync> sync;
    private final Optional<PullRequestOpener> pullRequests;
    private final ProgressListener progress;
    private final Clock clock;

    /**
     * @param repositoryName the repository as shown in reports (without credentials)
     * @param registry       the model registry, empty when none is configured
     * @param sync           the Argo CD client, needed with {@code syncApplication}
     * @param pullRequests   the pull request client, needed with {@code pullRequest}
     */
    public Promotion(final PromotionSettings settings, final GitOpsRepository repository, final String repositoryName,
            final Optional<ModelRegistry> registry, final Optional<ApplicationSync> sync,
            final Optional<PullRequestOpener> pullRequests, final ProgressListener progress, final Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.repositoryName = repositoryName;
        this.registry = registry.map(models -> new PromotionRegistry(models, clock));
        this.sync = sync;
        this.pullRequests = pullRequests;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Runs the promotion.
     *
     * @return the promotion record; FAILED when the registry refuses the version, a conflicting change was found,
     *         or Argo CD did not apply it
     * @throws MlGitOpsException when an input is wrong or a service cannot be reached
     */
    public Report<PromotionResults> run() throws MlGitOpsException {
        requireServices();
        Instant started = clock.instant();
        ReportLog log = new ReportLog(progress);
        PromotionRecorder record = PromotionRecorder.promotion(settings, repositoryName);
        Map<String, String> values = settings.templateValues();
        List<ManifestEdit> edits = renderEdits(values);
        record.promotionId(settings.promotionId() != null ? Template.render(settings.promotionId(), values)
                : PromotionId.of(settings.model(), settings.version(), settings.environment(), edits));

        Optional<ModelVersion> version = Optional.empty();
        if (registry.isPresent()) {
            version = Optional.of(registry.get().version(settings.model(), settings.version()));
            Optional<String> refusal = registry.get().refusal(version.get(), settings);
            if (refusal.isPresent()) {
                log.warning("Refused: " + refusal.get());
                return record.build(Status.FAILED, started, clock.instant(), log.messages());
            }
        }
        String previousAliasTarget = settings.alias() != null && registry.isPresent()
                ? registry.get().aliasTarget(settings.model(), settings.alias()) : null;

        long gitStart = System.nanoTime();
        try {
            pushChange(edits, previousAliasTarget, values, record, log);
        }
        catch (ConflictException conflict) {
            log.warning("Conflict: " + conflict.getMessage());
            return record.timing("gitMs", gitStart).build(Status.FAILED, started, clock.instant(), log.messages());
        }
        record.timing("gitMs", gitStart);

        if (!settings.pullRequest()) {
            long registryStart = System.nanoTime();
            updateRegistry(version, previousAliasTarget, record, log);
            record.timing("registryMs", registryStart);
            if (settings.syncApplication() != null && !waitForSync(record, log)) {
                return record.build(Status.FAILED, started, clock.instant(), log.messages());
            }
        }
        else if (settings.alias() != null || !settings.tags().isEmpty()) {
            log.info("The alias and tags move when the pull request is merged: run the same promotion in push mode "
                    + "then; it finds the merged commit by its Promotion-Id and makes no second commit.");
        }
        return record.build(Status.PASSED, started, clock.instant(), log.messages());
    }

    private void requireServices() throws InvalidSettingsException {
        boolean needsRegistry = settings.alias() != null || !settings.tags().isEmpty() || settings.stage() != null
                || settings.requiresEnvironment() != null;
        if (needsRegistry && registry.isEmpty()) {
            throw new InvalidSettingsException("--alias, --tag, --stage and --requires need the MLflow registry: pass "
                    + "--mlflow-url URL or set MLFLOW_TRACKING_URI.");
        }
        if (settings.syncApplication() != null && sync.isEmpty()) {
            throw new InvalidSettingsException("--wait-for-sync needs access to the Kubernetes API of Argo CD.");
        }
        if (settings.pullRequest() && pullRequests.isEmpty()) {
            throw new InvalidSettingsException("--mode pr needs a pull request provider: pass --pr-provider github or "
                    + "gitlab and a token.");
        }
    }

    private List<ManifestEdit> renderEdits(final Map<String, String> values) throws MlGitOpsException {
        List<ManifestEdit> rendered = new ArrayList<>();
        for (ManifestEdit edit : settings.edits()) {
            rendered.add(render(edit, values));
        }
        return rendered;
    }

    private static ManifestEdit render(final ManifestEdit edit, final Map<String, String> values)
            throws MlGitOpsException {
        if (edit instanceof ManifestEdit.SetImage image) {
            return new ManifestEdit.SetImage(Template.render(image.file(), values), image.image(),
                    renderOrNull(image.newName(), values), renderOrNull(image.newTag(), values),
                    renderOrNull(image.digest(), values));
        }
        ManifestEdit.SetValue value = (ManifestEdit.SetValue) edit;
        return new ManifestEdit.SetValue(Template.render(value.file(), values), value.document(), value.path(),
                Template.render(value.value(), values));
    }

    private static String renderOrNull(final String text, final Map<String, String> values)
            throws MlGitOpsException {
        return text == null ? null : Template.render(text, values);
    }

    private void pushChange(final List<ManifestEdit> edits, final String previousAliasTarget,
            final Map<String, String> values, final PromotionRecorder record, final ReportLog log)
            throws MlGitOpsException {
        String branch = settings.branch();
        PromotionChange change = new PromotionChange(edits);
        IdempotentPush.MessageFactory messages = applied -> message(applied, previousAliasTarget,
                record.promotionId(), values);
        if (!settings.pullRequest()) {
            new IdempotentPush(repository, log).run(branch, change, record, messages,
                    message -> repository.commit(branch, change, message));
            return;
        }
        String head = Template.render(settings.pullRequestBranch(), values);
        IdempotentPush.Result result = new IdempotentPush(repository, log).run(branch, change, record, messages,
                message -> repository.commitToNewBranch(branch, head, change, message));
        if (result == IdempotentPush.Result.PUSHED) {
            PromotionResults.PullRequestRecord pullRequest = pullRequests.orElseThrow().open(head, branch,
                    Template.render(settings.messageTemplate(), values), PromotionMessage.text(
                            Template.render(settings.messageTemplate(), values), change.applied()));
            record.pullRequest(pullRequest);
            log.info((pullRequest.existed() ? "Pull request already open: " : "Opened pull request: ")
                    + pullRequest.url());
        }
    }

    private CommitMessage message(final List<AppliedEdit> applied, final String previousAliasTarget,
            final String promotionId, final Map<String, String> values) throws MlGitOpsException {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(PromotionMessage.MODEL, settings.model());
        trailers.put(PromotionMessage.VERSION, settings.version());
        trailers.put(PromotionMessage.ENVIRONMENT, settings.environment());
        if (settings.alias() != null) {
            trailers.put(PromotionMessage.ALIAS, settings.alias());
            if (previousAliasTarget != null) {
                trailers.put(PromotionMessage.PREVIOUS_VERSION, previousAliasTarget);
            }
        }
        trailers.put(PromotionMessage.PROMOTION_ID, promotionId);
        if (settings.buildUrl() != null) {
            trailers.put(PromotionMessage.BUILD_URL, settings.buildUrl());
        }
        if (settings.reportDigest() != null) {
            trailers.put(PromotionMessage.REPORT_DIGEST, settings.reportDigest());
        }
        String subject = Template.render(settings.messageTemplate(), values);
        return new CommitMessage(PromotionMessage.text(subject, applied), trailers, settings.authorName(),
                settings.authorEmail());
    }

    private void updateRegistry(final Optional<ModelVersion> version, final String previousAliasTarget,
            final PromotionRecorder record, final ReportLog log) throws MlGitOpsException {
        if (registry.isEmpty() || version.isEmpty()) {
            return;
        }
        PromotionRegistry models = registry.get();
        if (settings.alias() != null) {
            if (!settings.version().equals(previousAliasTarget)) {
                models.moveAlias(settings.model(), settings.alias(), settings.version());
            }
            record.alias(new PromotionResults.AliasChange(settings.alias(), previousAliasTarget, settings.version()));
            log.info(String.format("Alias %s of %s: %s -> %s", settings.alias(), settings.model(),
                    previousAliasTarget == null ? "(none)" : previousAliasTarget, settings.version()));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : settings.tags().entrySet()) {
            extra.put(tag.getKey(), Template.render(tag.getValue(), settings.templateValues()));
        }
        record.tags(models.tagPromotion(version.get(), settings.environment(), record.commit(), extra));
        if (settings.stage() != null) {
            log.warning("Registry stages are deprecated since MLflow 2.9; prefer --alias. Moving version "
                    + settings.version() + " to stage " + settings.stage() + ".");
            models.transitionStage(settings.model(), settings.version(), settings.stage());
            record.stage(settings.stage());
        }
    }

    private boolean waitForSync(final PromotionRecorder record, final ReportLog log) throws MlGitOpsException {
        long start = System.nanoTime();
        String commit = record.commit();
        SyncOutcome outcome = sync.orElseThrow().await(settings.syncApplication(), commit,
                reported -> reported.equalsIgnoreCase(commit)
                        || repository.contains(settings.branch(), reported, commit),
                settings.syncTimeout(), progress);
        record.timing("syncMs", start);
        record.sync(new PromotionResults.SyncRecord(settings.syncApplication(), outcome.synced(),
                outcome.syncStatus(), outcome.healthStatus(), outcome.revision(), outcome.messages(),
                outcome.waited().toMillis()));
        if (!outcome.synced()) {
            log.warning(String.format("Argo CD did not apply %s to %s: sync %s, health %s. %s",
                    PromotionChange.abbreviate(record.commit()), settings.syncApplication(), outcome.syncStatus(),
                    outcome.healthStatus(), String.join(" ", outcome.messages())));
            return false;
        }
        log.info(String.format("Argo CD applied %s: %s is Synced and Healthy.",
                PromotionChange.abbreviate(record.commit()), settings.syncApplication()));
        return true;
    }
}
