package io.jenkins.plugins.mlgitops.actions.trend;

import java.util.List;

/** The promotions and rollbacks of one environment, oldest build first. */
public final class EnvironmentHistory {
    private final String environment;
    private final List<BuildEntry> entries;

    public EnvironmentHistory(final String environment, final List<BuildEntry> entries) {
        this.environment = environment;
        this.entries = List.copyOf(entries);
    }

    public String getEnvironment() {
        return environment;
    }

    public List<BuildEntry> getEntries() {
        return entries;
    }
}
