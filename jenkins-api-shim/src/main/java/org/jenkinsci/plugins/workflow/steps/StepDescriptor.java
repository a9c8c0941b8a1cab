// Compile-only stand-in for org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_ (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;

import java.util.Set;

/** Describes a step: its Pipeline function name and the context it needs. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
