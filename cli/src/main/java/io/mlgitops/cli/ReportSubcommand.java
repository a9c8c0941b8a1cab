package io.mlgitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.report.HtmlReport;
import io.mlgitops.report.MarkdownReport;
import io.mlgitops.report.ReportJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code mlgitops report}: JSON reports as one self-contained HTML page, and a Markdown summary. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Render JSON reports of any kind (benchmark, compliance, promotion, canary) as one "
                + "self-contained HTML page, and as a compact Markdown summary for pull-request comments.%n"
                + "Exit code 0 when written, 2 on usage errors, 3 when an input is missing or not a report.")
final class ReportSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE|DIR", required = true, arity = "1..*",
            description = "A JSON report, or a folder whose *.json reports are read in name order. Repeatable.")
    private List<Path> inputs = new ArrayList<>();

    @Option(names = "--html", paramLabel = "OUT.html", description = "Write the HTML page to OUT.html.")
    private Path html;

    @Option(names = "--markdown", paramLabel = "OUT.md", description = "Write the Markdown summary to OUT.md.")
    private Path markdown;

    @Override
    public Integer call() throws InputException {
        if (html == null && markdown == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give --html OUT.html, --markdown OUT.md, or both.");
        }
        ReportJson json = new ReportJson();
        List<JsonNode> reports = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files()) {
            JsonNode report = json.read(file);
            if (!report.isObject() || !report.path("kind").isTextual() || !report.has("schemaVersion")) {
                throw new InputException(file + " is not an mlgitops report: it has no 'kind' and 'schemaVersion' "
                        + "fields. Give the JSON files that --report wrote.");
            }
            reports.add(report);
            out.println(report.path("kind").asText() + " " + report.path("status").asText("?") + "  " + file);
        }
        if (html != null) {
            write(html, HtmlReport.render(reports));
            out.println("HTML report: " + html.toAbsolutePath());
        }
        if (markdown != null) {
            write(markdown, MarkdownReport.render(reports));
            out.println("Markdown summary: " + markdown.toAbsolutePath());
        }
        out.flush();
        return ExitCode.PASSED;
    }

    /** The report files: each file as given, each folder's {@code *.json} files in name order. */
    private List<Path> files() throws InputException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found = jsonFiles(input);
                if (found.isEmpty()) {
                    throw new InputException(input + " holds no *.json report.");
                }
                files.addAll(found);
            }
            else if (Files.isRegularFile(input)) {
                files.add(input);
            }
            else {
                throw new InputException(input + " does not exist: give a JSON report or a folder of them.");
            }
        }
        return files;
    }

    private static List<Path> jsonFiles(final Path folder) throws InputException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new InputException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A page is there to be read (a web server, a build archive): not only by its writer, as temporary files are. */
    private static void readableByAll(final Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        catch (UnsupportedOperationException notPosix) {
            // the file system's default permissions apply
        }
    }

    /** Writes beside the target first and moves into place, so that a reader never sees half a page. */
    private static void write(final Path file, final String text) throws InputException {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                readableByAll(temporary);
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new InputException("Cannot write " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable.", e);
        }
    }
}
