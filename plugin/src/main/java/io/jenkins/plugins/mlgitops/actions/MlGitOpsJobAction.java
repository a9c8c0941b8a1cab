package io.jenkins.plugins.mlgitops.actions;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.AccessControlled;
import io.jenkins.plugins.mlgitops.actions.trend.BuildSummaries;
import io.jenkins.plugins.mlgitops.actions.trend.TrendSeries;
import io.jenkins.plugins.mlgitops.actions.trend.TrendView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The trends of a job's ML GitOps reports over its last completed builds: candidate versus champion per gated
 * metric, the canary runs and the promotions per environment. Computed from the summaries in the builds'
 * {@code build.xml} only: a full report is never read for a trend ({@code MlGitOpsJobActionTest} proves it).
 */
public final class MlGitOpsJobAction implements Action {
    /** How many completed builds the trends look at, newest first. */
    static final int BUILDS = 20;

    private final AccessControlled job;
    private final Supplier<List<RecordedBuild>> history;

    MlGitOpsJobAction(final Job<?, ?> job) {
        this(job, () -> history(job.getLastCompletedBuild()));
    }

    /** A trend over the builds the supplier lists (tests). */
    MlGitOpsJobAction(final AccessControlled job, final Supplier<List<RecordedBuild>> history) {
        this.job = job;
        this.history = history;
    }

    /**
     * A build with reports.
     *
     * @param number the build number
     * @param action its reports
     */
    record RecordedBuild(int number, MlGitOpsBuildAction action) {
    }

    /** The last {@link #BUILDS} completed builds from this one back, those with reports. */
    static List<RecordedBuild> history(final Run<?, ?> last) {
        List<RecordedBuild> builds = new ArrayList<>();
        Run<?, ?> run = last;
        for (int walked = 0; run != null && walked < BUILDS; walked++) {
            MlGitOpsBuildAction action = run.getAction(MlGitOpsBuildAction.class);
            if (action != null) {
                builds.add(new RecordedBuild(run.getNumber(), action));
            }
            run = run.getPreviousCompletedBuild();
        }
        return builds;
    }

    /** The job, for the side panel of the action's page. */
    public AccessControlled getJob() {
        return job;
    }

    /** The trends for the pages; computed on each call from the builds' summaries. */
    public TrendView getTrend() {
        job.checkPermission(Item.READ);
        return new TrendView(TrendSeries.of(history.get().stream()
                .map(build -> new BuildSummaries(build.number(), build.action().getSummaries())).toList()));
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "ML GitOps trends";
    }

    @Override
    public String getUrlName() {
        return "mlgitops-trends";
    }
}
