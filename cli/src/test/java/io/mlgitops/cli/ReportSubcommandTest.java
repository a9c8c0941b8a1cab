package io.mlgitops.cli;

import io.mlgitops.testing.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mlgitops report}: folders and files of JSON reports to one HTML page and a Markdown summary. */
class ReportSubcommandTest {
    @TempDir
    private Path folder;

    private void assertInputError(final CliRun run, final String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("error: ").contains(fragments).doesNotContain("\tat ");
        assertThat(folder.resolve("out.html")).doesNotExist();
    }

    @Test
    void shouldRenderEveryReportOfAFolderInNameOrder() throws IOException {
        ReportFixtures.copyTo(folder.resolve("reports"));
        Files.writeString(folder.resolve("reports/notes.txt"), "not a report");

        CliRun run = CliRun.of("report", "--input", folder.resolve("reports").toString(), "--html",
                folder.resolve("out/report.html").toString(), "--markdown", folder.resolve("out/summary.md")
                        .toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("benchmark FAILED", "compliance FAILED", "promotion PASSED",
                "canary PASSED", "HTML report: " + folder.resolve("out/report.html"),
                "Markdown summary: " + folder.resolve("out/summary.md"));
        String html = Files.readString(folder.resolve("out/report.html"));
        List<String> kinds = List.of("benchmark", "canary", "canary", "canary", "compliance", "promotion",
                "promotion");
        int position = 0;
        for (String kind : kinds) {
            int next = html.indexOf("data-kind=\"" + kind + "\"", position + 1);
            assertThat(next).as(kind + " after position " + position).isGreaterThan(position);
            position = next;
        }
        assertThat(html).startsWith("<!DOCTYPE html>").contains("ML GitOps release report");
        assertThat(Files.readString(folder.resolve("out/summary.md"))).startsWith("## ML GitOps report: ❌ FAILED")
                .contains("| 5 | compliance | ❌ FAILED |");
        assertThat(folder.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void shouldKeepTheOrderOfTheInputs() throws IOException {
        List<Path> files = ReportFixtures.copyTo(folder.resolve("all"));

        CliRun run = CliRun.of("report", "--input", files.get(2).toString(), "--input",
                files.get(0).toString(), "--markdown", folder.resolve("summary.md").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String markdown = Files.readString(folder.resolve("summary.md"));
        assertThat(markdown.indexOf("| 1 | promotion |")).isPositive().isLessThan(markdown.indexOf("| 2 | benchmark"));
        assertThat(folder.resolve("out.html")).doesNotExist();
    }

    @Test
    void shouldNameAFileThatIsNotAReport() throws IOException {
        ReportFixtures.copyTo(folder.resolve("reports"));
        Path other = Files.writeString(folder.resolve("reports/package.json"), "{\"name\": \"web\"}");

        assertInputError(CliRun.of("report", "--input", folder.resolve("reports").toString(), "--html",
                folder.resolve("out.html").toString()), other + " is not an mlgitops report", "kind",
                "schemaVersion");
    }

    @Test
    void shouldNameAFileThatIsNotJson() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"kind\": ");

        assertInputError(CliRun.of("report", "--input", broken.toString(), "--html",
                folder.resolve("out.html").toString()), broken.toString(), "not a readable JSON report");
    }

    @Test
    void shouldNameAMissingInputAndAnEmptyFolder() throws IOException {
        assertInputError(CliRun.of("report", "--input", folder.resolve("nowhere").toString(), "--html",
                folder.resolve("out.html").toString()), "nowhere does not exist");
        Path empty = Files.createDirectories(folder.resolve("empty"));
        assertInputError(CliRun.of("report", "--input", empty.toString(), "--html",
                folder.resolve("out.html").toString()), empty + " holds no *.json report");
    }

    @Test
    void shouldAskForAnOutput() {
        CliRun run = CliRun.of("report", "--input", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Give --html OUT.html, --markdown OUT.md, or both.", "--help");
    }
}
