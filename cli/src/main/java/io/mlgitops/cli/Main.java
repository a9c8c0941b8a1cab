package io.mlgitops.cli;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.api.errors.MlGitOpsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the {@code mlgitops} command.
 */
@Command(name = "mlgitops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Release machine-learning models the GitOps way.%n"
                + "Exit codes: 0 gate passed, 1 gate failed, 2 usage error, 3 input or environment error, "
                + "4 internal error.",
        subcommands = {BenchmarkSubcommand.class, ComplianceSubcommand.class, PromoteSubcommand.class,
            RollbackSubcommand.class, CanarySubcommand.class, ReportSubcommand.class, DemoSubcommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    static int run(final String[] args, final PrintWriter out, final PrintWriter err) {
        String[] arguments;
        try {
            arguments = withConfigFile(args);
        }
        catch (InvalidSettingsException malformed) {
            err.println("error: " + malformed.getMessage());
            return ExitCode.USAGE;
        }
        catch (MlGitOpsException unreadable) {
            err.println("error: " + unreadable.getMessage());
            return ExitCode.INPUT;
        }
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler(Main::executionError);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(exception -> ExitCode.INTERNAL);
        return commandLine.execute(arguments);
    }

    /** The arguments with those of a {@code --config FILE} merged in before the command's own. */
    private static String[] withConfigFile(final String[] args) throws MlGitOpsException {
        for (int index = 1; index < args.length; index++) {
            String file = null;
            if ("--config".equals(args[index]) && index + 1 < args.length) {
                file = args[index + 1];
            }
            else if (args[index].startsWith("--config=")) {
                file = args[index].substring("--config=".length());
            }
            if (file != null) {
                String[] command = Arrays.copyOfRange(args, 1, args.length);
                String[] merged = ConfigFileArguments.merge(Path.of(file), command);
                String[] all = new String[merged.length + 1];
                all[0] = args[0];
                System.arraycopy(merged, 0, all, 1, merged.length);
                return all;
            }
        }
        return args;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: benchmark, compliance, promote, rollback, canary, report or demo");
    }

    private static int usageError(final CommandLine.ParameterException problem, final String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + problem.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCode.USAGE;
    }

    private static int executionError(final Exception problem, final CommandLine command,
            final CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (problem instanceof InvalidSettingsException usage) {
            err.println("error: " + usage.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        }
        if (problem instanceof MlGitOpsException known) {
            err.println("error: " + known.getMessage());
            return ExitCode.INPUT;
        }
        err.println("internal error: " + problem);
        if (System.getenv("MLGITOPS_STACKTRACE") != null) {
            problem.printStackTrace(err);
        }
        else {
            err.println("This is a bug in mlgitops. Set MLGITOPS_STACKTRACE=1 for the stack trace and report it.");
        }
        return ExitCode.INTERNAL;
    }
}
