// Compile-only stand-in for org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_ (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** A Pipeline step's configuration; {@link #start} creates its execution. */
@SuppressWarnings("deprecation") // upstream still extends AbstractDescribableImpl, deprecated since Jenkins 2.505
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
