// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Run.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

import java.io.File;
import java.io.IOException;

/**
 * A build. Upstream also implements {@code ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot,
 * DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl}; they are left out here because the
 * plugin uses none of their members (leaving a supertype out only makes the shim stricter).
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    private Run() {
    }

    @Override
    public void addAction(final Action a) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public final RunT getPreviousCompletedBuild() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
