package io.jenkins.plugins.mlgitops.actions;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.jenkins.plugins.mlgitops.actions.summary.RealReports;
import io.jenkins.plugins.mlgitops.actions.summary.ReportFolder;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerResponse2;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build action's pages: the raw JSON downloads and the HTML report, for readers of the job only. */
class MlGitOpsBuildActionTest {
    @TempDir
    private Path build;

    private Path folder;
    private final AtomicBoolean denied = new AtomicBoolean();
    private final AccessControlled job = new AccessControlled() {
        @Override
        public void checkPermission(final Permission permission) {
            if (denied.get()) {
                throw new SecurityException("no Item.READ");
            }
        }
    };
    private final Response response = new Response();

    @BeforeEach
    void keepReports() throws IOException {
        folder = Files.createDirectories(build.resolve("mlgitops"));
        Files.writeString(folder.resolve("benchmark.json"), RealReports.text("benchmark.json"));
        Files.writeString(folder.resolve("canary.json"), RealReports.text("canary-promoted.json"));
        Files.writeString(build.resolve("build.xml"), "<secret/>");
    }

    @Test
    void shouldGiveTheReportPageOfABuildFromItsBuildUrl() {
        assertThat(MlGitOpsBuildAction.pageUrl("https://ci.example.com/job/churn/7/"))
                .isEqualTo("https://ci.example.com/job/churn/7/mlgitops/");
        assertThat(MlGitOpsBuildAction.pageUrl("https://ci.example.com/job/churn/7"))
                .isEqualTo("https://ci.example.com/job/churn/7/mlgitops/");
        assertThat(MlGitOpsBuildAction.pageUrl(null)).isNull();
        assertThat(MlGitOpsBuildAction.pageUrl(" ")).isNull();
    }

    @Test
    void shouldSendAReportAsWrittenAsADownload() throws IOException {
        MlGitOpsBuildAction action = actionWith("benchmark.json");

        action.doJson(null, response, "benchmark.json");

        assertThat(response.body.toString()).isEqualTo(RealReports.text("benchmark.json"));
        assertThat(response.headers).containsEntry("Content-Type", "application/json;charset=UTF-8")
                .containsEntry("Content-Disposition", "attachment; filename=\"benchmark.json\"")
                .containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldSendOnlyTheFilesItsSummariesName() throws IOException {
        MlGitOpsBuildAction action = actionWith("benchmark.json");

        for (String file : new String[] {"canary.json", "../build.xml", "/etc/passwd", null}) {
            Response refused = new Response();
            action.doJson(null, refused, file);
            assertThat(refused.error).as(file).isEqualTo(404);
            assertThat(refused.body.toString()).isEmpty();
        }
    }

    @Test
    void shouldRenderEveryReportOfTheBuildAsASandboxedPage() throws IOException {
        MlGitOpsBuildAction action = actionWith("benchmark.json", "canary.json");

        action.doReport(null, response);

        assertThat(response.body.toString()).startsWith("<!DOCTYPE html>").contains("recall_score", "PROMOTED");
        assertThat(response.headers).containsEntry("Content-Type", "text/html;charset=UTF-8")
                .containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(response.headers.get("Content-Security-Policy")).startsWith("sandbox;")
                .contains("default-src 'none'");
    }

    @Test
    void shouldAnswerNothingToAUserWhoMayNotReadTheJob() {
        MlGitOpsBuildAction action = actionWith("benchmark.json");
        denied.set(true);

        assertThatThrownBy(() -> action.doJson(null, response, "benchmark.json"))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> action.doReport(null, response)).isInstanceOf(SecurityException.class);
        assertThat(response.body.toString()).isEmpty();
        assertThat(response.headers).isEmpty();
    }

    @Test
    void shouldListItsSummariesInTheOrderTheStepsFinished() {
        MlGitOpsBuildAction action = actionWith("canary.json", "benchmark.json");

        assertThat(action.getSummaries()).extracting(ReportSummary::getFile)
                .containsExactly("canary.json", "benchmark.json");
        assertThatThrownBy(() -> action.getSummaries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(action.getUrlName()).isEqualTo(MlGitOpsBuildAction.URL_NAME);
        assertThat(action.getIconFileName()).isEqualTo("symbol-analytics");
    }

    private MlGitOpsBuildAction actionWith(final String... files) {
        ReportFolder reports = new ReportFolder(folder);
        MlGitOpsBuildAction action = new MlGitOpsBuildAction(job, reports);
        for (String file : files) {
            try {
                action.add(reports.summarise(file));
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return action;
    }

    /** A response that keeps what it was sent. */
    private static final class Response implements StaplerResponse2 {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final StringWriter body = new StringWriter();
        private Integer error;

        @Override
        public void setContentType(final String type) {
            headers.put("Content-Type", type);
        }

        @Override
        public void setHeader(final String name, final String value) {
            headers.put(name, value);
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(body, true);
        }

        @Override
        public void sendError(final int sc, final String msg) {
            error = sc;
        }
    }
}
