package io.jenkins.plugins.mlgitops.actions;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.TransientActionFactory;

import java.util.Collection;
import java.util.List;

/**
 * Gives a job its {@link MlGitOpsJobAction} when its last completed build has ML GitOps reports. The action is made
 * afresh whenever Jenkins lists the job's actions and is never saved; looking at the last build only keeps that
 * cheap (the trends walk the older builds when a page shows them).
 */
@Extension
@SuppressWarnings("rawtypes") // factories for jobs are declared over the raw type, as TransientActionFactory<Job>
public final class MlGitOpsJobActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return MlGitOpsJobAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(final Job target) {
        Job<?, ?> job = target;
        Run<?, ?> last = job.getLastCompletedBuild();
        if (last == null || last.getAction(MlGitOpsBuildAction.class) == null) {
            return List.of();
        }
        return List.of(new MlGitOpsJobAction(job));
    }
}
