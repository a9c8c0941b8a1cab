package io.mlgitops.gitops;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.registry.ModelRegistry;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportLog;
import io.mlgitops.report.Status;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Undoes a promotion everywhere it went: restores the previous manifest values through the same safe push, moves the
 * registry alias back to the version it pointed at before, tags the rolled-back version {@code mlgitops.rejected}
 * with the reason, and writes its own record. Running it twice makes no second commit.
 */
public final class Rollback {
    private final RollbackSettings settings;
    private final GitOpsRepository repository;
    private final String repositoryName;
    private final Optional<PromotionRegistry> registry;
    private final ProgressListener progress;
    private final Clock clock;

    public Rollback(final RollbackSettings settings, final GitOpsRepository repository, final String repositoryName,
            final Optional<ModelRegistry> registry, final ProgressListener progress, final Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.repositoryName = repositoryName;
        this.registry = registry.map(models -> new PromotionRegistry(models, clock));
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @return the rollback record; FAILED when a location was changed again after the promotion
     * @throws MlGitOpsException when the promotion cannot be found or a service cannot be reached
     */
    public Report<PromotionResults> run() throws MlGitOpsException {
        Instant started = clock.instant();
        ReportLog log = new ReportLog(progress);
        RollbackSource.Recorded target = resolve();
        String rollbackId = "rollback-" + target.promotionId();
        PromotionRecorder record = new PromotionRecorder("rollback", target.model(), target.version(),
                target.environment(), target.branch(), false, repositoryName,
                target.edits().stream().map(edit -> edit.file() + ":" + edit.path()).toList()).promotionId(rollbackId);
        try {
            pushRestore(target, record, log);
        }
        catch (ConflictException conflict) {
            log.warning("Conflict: " + conflict.getMessage());
            return record.build(Status.FAILED, started, clock.instant(), log.messages());
        }
        if (registry.isPresent()) {
            restoreRegistry(target, record, log);
        }
        else if (target.alias() != null) {
            log.warning("The promotion moved alias " + target.alias().name() + ", but no MLflow registry is "
                    + "configured: the alias and the rejected tag were not touched.");
        }
        return record.build(Status.PASSED, started, clock.instant(), log.messages());
    }

    private RollbackSource.Recorded resolve() throws MlGitOpsException {
        if (settings.source() instanceof RollbackSource.Recorded recorded) {
            return recorded;
        }
        RollbackSource.Previous previous = (RollbackSource.Previous) settings.source();
        CommitInfo commit = repository.findLatest(settings.branch(), info ->
                previous.model().equals(info.trailers().get(PromotionMessage.MODEL))
                        && previous.environment().equals(info.trailers().get(PromotionMessage.ENVIRONMENT))
                        && !info.trailers().containsKey(PromotionMessage.ROLLBACK_OF))
                .orElseThrow(() -> new InputException(String.format("No promotion of %s to %s was found on branch %s "
                        + "of %s (commits with trailers %s and %s).", previous.model(), previous.environment(),
                        settings.branch(), repositoryName, PromotionMessage.MODEL, PromotionMessage.ENVIRONMENT)));
        Map<String, String> trailers = commit.trailers();
        String version = trailers.getOrDefault(PromotionMessage.VERSION, "");
        String alias = trailers.get(PromotionMessage.ALIAS);
        PromotionResults.AliasChange aliasChange = alias == null ? null
                : new PromotionResults.AliasChange(alias, trailers.get(PromotionMessage.PREVIOUS_VERSION), version);
        List<AppliedEdit> edits = PromotionMessage.edits(commit.message());
        if (edits.isEmpty()) {
            throw new InputException(String.format("Commit %s promoted %s to %s but records no edits, so it cannot "
                    + "be undone automatically. Roll back with --record and the promotion's report.",
                    PromotionChange.abbreviate(commit.commit()), previous.model(), previous.environment()));
        }
        return new RollbackSource.Recorded(previous.model(), version, previous.environment(), settings.branch(),
                trailers.getOrDefault(PromotionMessage.PROMOTION_ID, commit.commit()), edits, aliasChange);
    }

    private void pushRestore(final RollbackSource.Recorded target, final PromotionRecorder record,
            final ReportLog log) throws MlGitOpsException {
        RollbackChange change = new RollbackChange(target.edits());
        new IdempotentPush(repository, log).run(target.branch(), change, record,
                applied -> message(target, record.promotionId(), applied),
                message -> repository.commit(target.branch(), change, message));
    }

    private CommitMessage message(final RollbackSource.Recorded target, final String rollbackId,
            final List<AppliedEdit> applied) throws MlGitOpsException {
        Map<String, String> values = Map.of("model", target.model(), "version", target.version(), "environment",
                target.environment(), "alias", target.alias() == null ? "" : target.alias().name());
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(PromotionMessage.MODEL, target.model());
        trailers.put(PromotionMessage.VERSION, target.version());
        trailers.put(PromotionMessage.ENVIRONMENT, target.environment());
        trailers.put(PromotionMessage.PROMOTION_ID, rollbackId);
        trailers.put(PromotionMessage.ROLLBACK_OF, target.promotionId());
        if (settings.buildUrl() != null) {
            trailers.put(PromotionMessage.BUILD_URL, settings.buildUrl());
        }
        String subject = Template.render(settings.messageTemplate(), values) + "\n\nReason: " + settings.reason();
        return new CommitMessage(PromotionMessage.text(subject, applied), trailers, settings.authorName(),
                settings.authorEmail());
    }

    private void restoreRegistry(final RollbackSource.Recorded target, final PromotionRecorder record,
            final ReportLog log) throws MlGitOpsException {
        PromotionRegistry models = registry.orElseThrow();
        PromotionResults.AliasChange alias = target.alias();
        if (alias != null) {
            String current = models.aliasTarget(target.model(), alias.name());
            if (target.version().equals(current)) {
                models.moveAlias(target.model(), alias.name(), alias.before());
                record.alias(new PromotionResults.AliasChange(alias.name(), current, alias.before()));
                log.info(String.format("Alias %s of %s: %s -> %s", alias.name(), target.model(), current,
                        alias.before() == null ? "(deleted)" : alias.before()));
            }
            else {
                log.warning(String.format("Alias %s of %s points at %s, not at the rolled-back version %s: left as "
                        + "it is.", alias.name(), target.model(), current == null ? "nothing" : current,
                        target.version()));
            }
        }
        models.reject(target.model(), target.version(), settings.reason());
        record.tags(Map.of(PromotionRegistry.REJECTED, settings.reason()));
        log.info(String.format("Tagged %s version %s %s: %s", target.model(), target.version(),
                PromotionRegistry.REJECTED, settings.reason()));
    }
}
