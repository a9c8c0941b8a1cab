package io.jenkins.plugins.mlgitops.steps;

import org.kohsuke.stapler.DataBoundSetter;

/** A step that reads CSV data in the workspace: the parsing threads and the column delimiter. */
public abstract class TabularDataStep extends MlGitOpsStep {
    private int threads;
    private String delimiter = ",";

    public int getThreads() {
        return threads;
    }

    @DataBoundSetter
    public void setThreads(final int threads) {
        this.threads = threads;
    }

    public String getDelimiter() {
        return delimiter;
    }

    @DataBoundSetter
    public void setDelimiter(final String delimiter) {
        this.delimiter = delimiter;
    }
}
