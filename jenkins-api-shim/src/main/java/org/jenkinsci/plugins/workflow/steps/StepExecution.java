// Compile-only stand-in for org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_ (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** A running step. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(final StepContext context) {
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public abstract boolean start() throws Exception;

    public void stop(final Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
