// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Job.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

/**
 * A job. Upstream extends {@code AbstractItem} (which implements {@link Item}) and implements
 * {@code ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets}; here it implements {@link Item}
 * directly and leaves the rest out because the plugin uses none of their members.
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    private Job() {
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
