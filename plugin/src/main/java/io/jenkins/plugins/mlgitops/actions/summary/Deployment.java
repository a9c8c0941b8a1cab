package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.Serializable;

/** What a promotion or a rollback changed: the model version, its environment, the commit and the alias moved. */
public final class Deployment implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String model;
    private final String version;
    private final String environment;
    private final String commit;
    private final String alias;

    /**
     * @param operation   {@code promote} or {@code rollback}
     * @param commit      the commit holding the change, shortened
     * @param alias       the registry alias moved, or {@code null}
     */
    public Deployment(final String operation, final String model, final String version, final String environment,
            final String commit, final String alias) {
        this.operation = operation;
        this.model = model;
        this.version = version;
        this.environment = environment;
        this.commit = commit;
        this.alias = alias;
    }

    public String getOperation() {
        return operation;
    }

    public String getModel() {
        return model;
    }

    public String getVersion() {
        return version;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getCommit() {
        return commit;
    }

    public String getAlias() {
        return alias;
    }
}
