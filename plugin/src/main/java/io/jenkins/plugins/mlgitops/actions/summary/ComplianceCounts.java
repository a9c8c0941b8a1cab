package io.jenkins.plugins.mlgitops.actions.summary;

import java.io.Serializable;

/** The rules of a compliance report per status. */
public final class ComplianceCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int passed;
    private final int failed;
    private final int waived;
    private final int errors;

    public ComplianceCounts(final int passed, final int failed, final int waived, final int errors) {
        this.passed = passed;
        this.failed = failed;
        this.waived = waived;
        this.errors = errors;
    }

    public int getPassed() {
        return passed;
    }

    public int getFailed() {
        return failed;
    }

    public int getWaived() {
        return waived;
    }

    public int getErrors() {
        return errors;
    }
}
