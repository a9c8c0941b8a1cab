package io.jenkins.plugins.mlgitops.actions;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.AccessControlled;
import io.jenkins.plugins.mlgitops.actions.summary.ReportFolder;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSource;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummaries;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;
import io.jenkins.plugins.mlgitops.steps.engine.ReportFiles;
import io.mlgitops.report.HtmlReport;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of a build's ML GitOps steps: their summaries are kept in {@code build.xml}, the full JSON documents
 * stay beside it in {@code mlgitops/} and are read only when the report page or a download asks for them. The build
 * page shows {@code summary.jelly}; {@code index.jelly} embeds the HTML report ({@link #doReport}); {@link #doJson}
 * sends a report as written.
 */
public final class MlGitOpsBuildAction implements RunAction2 {
    /** Where the action's pages are, under the build's address. */
    public static final String URL_NAME = "mlgitops";

    private static final String NO_SNIFF = "nosniff";
    /** The report page is its own sandboxed document (no script, no origin), also when opened outside the frame. */
    private static final String REPORT_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:";

    private List<ReportSummary> summaries = new ArrayList<>();
    private transient Run<?, ?> owner;
    private transient AccessControlled job;
    private transient ReportSource reports;

    /** An action that reads the reports from its build's folder, once attached to it. */
    public MlGitOpsBuildAction() {
        this(null, null);
    }

    /** An action of a build of this job that reads the reports from this source (tests). */
    MlGitOpsBuildAction(final AccessControlled job, final ReportSource reports) {
        this.job = job;
        this.reports = reports;
    }

    /** Called by XStream after reading {@code build.xml}: a build saved without summaries gets an empty list. */
    private Object readResolve() {
        if (summaries == null) {
            summaries = new ArrayList<>();
        }
        return this;
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        attach(r);
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        attach(r);
    }

    private void attach(final Run<?, ?> run) {
        owner = run;
        job = run.getParent();
        reports = new ReportFolder(run.getRootDir().toPath().resolve(ReportFiles.FOLDER));
    }

    /**
     * The address of the report page of a build, from its {@code BUILD_URL}; {@code null} when Jenkins' URL is not
     * configured (the build then has no {@code BUILD_URL}).
     */
    public static String pageUrl(final String buildUrl) {
        if (buildUrl == null || buildUrl.isBlank()) {
            return null;
        }
        return (buildUrl.endsWith("/") ? buildUrl : buildUrl + "/") + URL_NAME + "/";
    }

    /** Adds the summary of a report the build's step has just written. */
    synchronized void add(final ReportSummary summary) {
        summaries.add(summary);
    }

    /** The summaries of the build's reports, in the order its steps finished; never reads a report file. */
    public synchronized List<ReportSummary> getSummaries() {
        return List.copyOf(summaries);
    }

    /** The build, for the side panel of the action's page. */
    public Run<?, ?> getRun() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "ML GitOps reports";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Whether a summary of this build names the file, so that a request cannot reach another file. */
    boolean isReport(final String file) {
        return file != null && getSummaries().stream().anyMatch(summary -> file.equals(summary.getFile()));
    }

    /** The full reports of the build, read from their files now. */
    List<JsonNode> readReports() throws IOException {
        List<JsonNode> trees = new ArrayList<>();
        for (ReportSummary summary : getSummaries()) {
            trees.add(ReportSummaries.tree(reports.read(summary.getFile())));
        }
        return trees;
    }

    /** The HTML report of all the build's reports, for the frame of {@code index.jelly}. */
    public void doReport(final StaplerRequest2 request, final StaplerResponse2 response) throws IOException {
        job.checkPermission(Item.READ);
        String page = HtmlReport.render(readReports());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", REPORT_POLICY);
        response.setHeader("X-Content-Type-Options", NO_SNIFF);
        response.getWriter().write(page);
    }

    /** One report as written, as a download: {@code json?file=benchmark.json}. */
    public void doJson(final StaplerRequest2 request, final StaplerResponse2 response,
            @QueryParameter final String file) throws IOException {
        job.checkPermission(Item.READ);
        if (!isReport(file)) {
            response.sendError(404, "This build has no ML GitOps report of that name");
            return;
        }
        String json = reports.read(file);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("X-Content-Type-Options", NO_SNIFF);
        response.getWriter().write(json);
    }
}
