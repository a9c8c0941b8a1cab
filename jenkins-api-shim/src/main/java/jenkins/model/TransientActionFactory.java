// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/jenkins/model/TransientActionFactory.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;

import java.util.Collection;

/**
 * Adds actions to objects of a type (such as jobs) each time their actions are listed, without persisting them.
 * Upstream's nested {@code Cache} and static {@code factoriesFor} are left out: the plugin uses neither.
 */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    protected TransientActionFactory() {
    }

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public abstract Collection<? extends Action> createFor(T target);
}
