package io.mlgitops.cli;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.report.Report;
import io.mlgitops.report.ReportJson;
import io.mlgitops.report.Status;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The output options every command shares: {@code --report FILE} and {@code --json}. */
final class ReportOptions {
    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report to FILE.")
    private Path reportFile;

    @Option(names = "--json", description = "Print the JSON report to standard output instead of the summary.")
    private boolean json;

    /**
     * Writes the report where asked, prints the summary or the JSON, and returns the exit code of its status.
     */
    int publish(final Report<?> report, final PrintWriter out, final Consumer<PrintWriter> summary)
            throws InputException {
        ReportJson writer = new ReportJson();
        if (reportFile != null) {
            writer.write(report, reportFile);
        }
        if (json) {
            out.print(writer.toJson(report));
        }
        else {
            summary.accept(out);
            if (reportFile != null) {
                out.println("Report: " + reportFile.toAbsolutePath());
            }
        }
        out.flush();
        return exitCode(report.status());
    }

    static int exitCode(final Status status) {
        return switch (status) {
            case PASSED -> ExitCode.PASSED;
            case FAILED -> ExitCode.GATE_FAILED;
            case ERROR -> ExitCode.INPUT;
        };
    }
}
