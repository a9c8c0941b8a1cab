// Compile-only stand-in for org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_ (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/** Marks a flow node (and so its stage) with a result such as UNSTABLE, as the {@code unstable} step does. */
public class WarningAction implements PersistentAction {
    public WarningAction(final Result result) {
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public WarningAction withMessage(final String message) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
