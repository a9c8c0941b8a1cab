// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Descriptor.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

/** Metadata and configuration of a {@link Describable} type. */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    /** Finds the described type from the enclosing class, as upstream. */
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Upstream implements this {@link Saveable} method; the plugin never calls it. */
    @Override
    public void save() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Upstream implements this {@link Loadable} method; the plugin never calls it. */
    @Override
    public void load() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
