// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Actionable.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

/**
 * An object that holds actions. Upstream extends {@code AbstractModelObject} and implements
 * {@code ModelObjectWithContextMenu}; left out because the plugin uses none of their members.
 */
public abstract class Actionable {
    protected Actionable() {
    }

    public void addAction(final Action a) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public <T extends Action> T getAction(final Class<T> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public boolean addOrReplaceAction(final Action a) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
