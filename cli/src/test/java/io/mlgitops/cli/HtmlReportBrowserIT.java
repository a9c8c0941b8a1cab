package io.mlgitops.cli;

import io.mlgitops.testing.ReportFixtures;
import io.mlgitops.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The page of {@code mlgitops report} in a real browser: headless Chromium ({@code MLGITOPS_CHROMIUM}, provisioned by
 * {@code scripts/provision-chromium.sh}) loads a page of all four kinds, its DOM holds every part, its console stays
 * silent (the page's content security policy would report any script or external load there), and screenshots of a
 * wide and a narrow window land in {@code target/}; the same for the page {@code mlgitops demo} writes.
 */
class HtmlReportBrowserIT {
    private static final long TIMEOUT_SECONDS = 120;

    private static Path chromium;
    private static Path page;
    private static Path target;
    private static Path scratch;

    private record Browser(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void renderThePage(@TempDir final Path folder) throws IOException {
        chromium = TestEnvironment.chromium();
        scratch = folder;
        target = Files.createDirectories(Paths.get("target").toAbsolutePath());
        ReportFixtures.copyTo(folder.resolve("reports"));
        page = target.resolve("report.html");
        CliRun run = CliRun.of("report", "--input", folder.resolve("reports").toString(), "--html", page.toString(),
                "--markdown", target.resolve("report.md").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static Browser chromium(final String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--disable-gpu",
                "--no-sandbox", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(scratch, "profile"), "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(scratch, "chromium", ".out");
        Path err = Files.createTempFile(scratch, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command + "\n"
                    + Files.readString(err));
        }
        return new Browser(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> consoleLines(final String log) {
        return log.lines().filter(line -> line.contains(":CONSOLE")).toList();
    }

    @Test
    void shouldBuildEveryPartOfTheFourKindsInTheDom() throws Exception {
        Browser browser = chromium("--dump-dom", page.toUri().toString());

        assertThat(browser.exitCode()).as(browser.err()).isZero();
        String dom = browser.out();
        assertThat(dom).contains("<h1>ML GitOps release report</h1>", "class=\"verdicts\"",
                "data-kind=\"benchmark\"", "data-kind=\"compliance\"", "data-kind=\"promotion\"",
                "data-kind=\"canary\"");
        assertThat(dom).contains("<table class=\"metrics\">", "class=\"chart deltas\"", "<table class=\"gates\">",
                "<table class=\"latency\">", "<table class=\"slices\">");
        assertThat(dom).contains("<table class=\"rules\">", "<table class=\"findings\">",
                "<table class=\"waived\">", "Expired waivers (not applied)", "<table class=\"policies\">");
        assertThat(dom).contains("<div class=\"diff\">", "<del aria-label=\"before\">v1</del>",
                "<ins aria-label=\"after\">v2</ins>", "Argo CD sync");
        assertThat(dom).contains("class=\"chart timeline\"", "class=\"chart check\"", "<table class=\"decisions\">",
                "<h3>Rollback</h3>", "production: 8 → 7");
        assertThat(dom).doesNotContain("<script");
        assertThat(dom.split("<section class=\"report\"", -1)).hasSize(ReportFixtures.NAMES.size() + 1);
    }

    @Test
    void shouldLogNoConsoleMessages() throws Exception {
        Browser browser = chromium("--dump-dom", page.toUri().toString());

        assertThat(consoleLines(browser.err())).as(browser.err()).isEmpty();
    }

    @Test
    void shouldReportABlockedScriptOnTheConsoleSoThatTheCheckAboveMeansSomething() throws Exception {
        String html = Files.readString(page).replace("<footer>", "<footer><script>document.title='ran'</script>");
        Path withScript = Files.writeString(scratch.resolve("with-script.html"), html);

        Browser browser = chromium("--dump-dom", withScript.toUri().toString());

        assertThat(consoleLines(browser.err())).as(browser.err()).anyMatch(line -> line.contains(
                "Content Security Policy"));
        assertThat(browser.out()).contains("<title>ML GitOps report: FAILED</title>");
    }

    @Test
    void shouldTakeScreenshotsOfAWideAndANarrowWindow() throws Exception {
        Path wide = target.resolve("report.png");
        Path narrow = target.resolve("report-narrow.png");
        Files.deleteIfExists(wide);
        Files.deleteIfExists(narrow);

        Browser first = chromium("--screenshot=" + wide, "--window-size=1280,4000", page.toUri().toString());
        Browser second = chromium("--screenshot=" + narrow, "--window-size=390,2400", page.toUri().toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(pngWidth(wide)).isEqualTo(1280);
        assertThat(pngWidth(narrow)).isEqualTo(390);
        assertThat(Files.size(wide)).isGreaterThan(50_000);
        assertThat(Files.size(narrow)).isGreaterThan(20_000);
    }

    @Test
    void shouldRenderTheDemosPageWithEveryGateAndASilentConsole() throws Exception {
        Path workdir = scratch.resolve("demo");
        CliRun demo = CliRun.of("demo", "--workdir", workdir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Path demoPage = workdir.resolve("report.html");
        Path screenshot = target.resolve("demo-report.png");
        Files.deleteIfExists(screenshot);

        Browser dom = chromium("--dump-dom", demoPage.toUri().toString());
        Browser shot = chromium("--screenshot=" + screenshot, "--window-size=1280,4000", demoPage.toUri().toString());

        assertThat(dom.exitCode()).as(dom.err()).isZero();
        assertThat(consoleLines(dom.err())).as(dom.err()).isEmpty();
        assertThat(dom.out()).contains("data-kind=\"benchmark\"", "data-kind=\"compliance\"",
                "data-kind=\"promotion\"", "data-kind=\"canary\"", "<table class=\"rules\">",
                "class=\"chart timeline\"").doesNotContain("<script");
        assertThat(shot.exitCode()).as(shot.err()).isZero();
        assertThat(pngWidth(screenshot)).isEqualTo(1280);
    }

    /** The width in a PNG's header; fails when the file is not a PNG. */
    private static int pngWidth(final Path png) throws IOException {
        assertThat(png).exists();
        try (InputStream in = Files.newInputStream(png)) {
            byte[] header = in.readNBytes(24);
            assertThat(header).hasSize(24).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            return ByteBuffer.wrap(header, 16, 4).getInt();
        }
    }
}
