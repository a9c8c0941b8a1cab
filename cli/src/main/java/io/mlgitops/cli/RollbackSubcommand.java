package io.mlgitops.cli;

import io.mlgitops.api.MlGitOps;
import io.mlgitops.api.RollbackCommand;
import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.gitops.PromotionResults;
import io.mlgitops.gitops.RollbackSettings;
import io.mlgitops.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mlgitops rollback}: undo a promotion in git and in the registry. */
@Command(name = "rollback", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Roll a promotion back: restore the previous manifest values through the same safe push, move "
                + "the registry alias back, and tag the version mlgitops.rejected with the reason.")
final class RollbackSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private RepositoryOptions repository;

    @Option(names = "--record", paramLabel = "PROMOTION.json", description = "The --report of the promotion to undo.")
    private Path record;

    @Option(names = "--environment", paramLabel = "ENV", description = "With --model and --to-previous: the "
            + "environment whose latest promotion to undo.")
    private String environment;

    @Option(names = "--model", paramLabel = "NAME", description = "With --environment and --to-previous: the model.")
    private String model;

    @Option(names = "--to-previous", description = "Undo the latest promotion found in the branch's history.")
    private boolean toPrevious;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main",
            description = "The branch to search with --to-previous (default: ${DEFAULT-VALUE}).")
    private String branch;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = RollbackSettings.DEFAULT_REASON,
            description = "Why; recorded in the commit and the mlgitops.rejected tag (default: ${DEFAULT-VALUE}).")
    private String reason;

    @Option(names = "--message-template", paramLabel = "TEXT", defaultValue = RollbackSettings.DEFAULT_MESSAGE,
            description = "Commit subject (default: ${DEFAULT-VALUE}).")
    private String messageTemplate;

    @Mixin
    private CommitOptions commit;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private ReportOptions output;

    @Override
    public Integer call() throws MlGitOpsException {
        RollbackCommand command = MlGitOps.rollback().repository(repository.settings("The rollback")).branch(branch)
                .reason(reason).messageTemplate(messageTemplate).mlflowUrl(registry.url())
                .buildUrl(commit.buildUrl()).author(commit.author())
                .progress(new ConsoleProgress(spec.commandLine().getErr()));
        if (record != null) {
            command.record(record);
        }
        if (toPrevious || environment != null || model != null) {
            if (!toPrevious || environment == null || model == null) {
                throw new InvalidSettingsException("--to-previous needs --environment and --model (all three).");
            }
            command.previous(model, environment);
        }
        Report<PromotionResults> report = command.call();
        return output.publish(report, spec.commandLine().getOut(), out -> new PromotionSummary(report).print(out));
    }
}
