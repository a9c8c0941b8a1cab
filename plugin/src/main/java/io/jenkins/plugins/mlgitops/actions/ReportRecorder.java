package io.jenkins.plugins.mlgitops.actions;

import hudson.model.Run;
import io.jenkins.plugins.mlgitops.actions.summary.ReportFolder;
import io.jenkins.plugins.mlgitops.actions.summary.ReportSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the summary of a report a step has just kept with the build to the build's {@link MlGitOpsBuildAction},
 * creating the action for the build's first report, and saves the build. Parallel branches finish steps on several
 * threads at once: one lock makes the look-up, the creation and the save a single step, so that no summary is lost
 * and no build gets two actions. A failure is logged, not thrown: the report file stays with the build either way.
 */
public final class ReportRecorder {
    private static final Logger LOGGER = Logger.getLogger(ReportRecorder.class.getName());
    private static final Object LOCK = new Object();

    private ReportRecorder() {
    }

    /**
     * Records a report.
     *
     * @param build  the build
     * @param report the report's file in the build's {@code mlgitops} folder
     * @param log    the build log, for a failure
     */
    public static void record(final Run<?, ?> build, final Path report, final PrintStream log) {
        try {
            ReportSummary summary = new ReportFolder(report.getParent()).summarise(report.getFileName().toString());
            synchronized (LOCK) {
                MlGitOpsBuildAction action = build.getAction(MlGitOpsBuildAction.class);
                if (action == null) {
                    action = new MlGitOpsBuildAction();
                    build.addAction(action);
                }
                action.add(summary);
                build.save();
            }
        }
        catch (IOException e) {
            String message = "Could not add the report " + report + " to the build page: " + e.getMessage();
            log.println("[mlgitops] " + message);
            LOGGER.log(Level.WARNING, message, e);
        }
    }
}
