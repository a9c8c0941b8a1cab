// Compile-only stand-in for org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_ (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.workflow.steps;

/**
 * Runs {@link #run()} on a background thread, so the Pipeline's CPS thread never blocks; a controller restart while it
 * runs fails the step (upstream's {@code onResume}).
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(final StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
