// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/jenkins/agents/ControllerToAgentFileCallable.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/** A file callable meant to run on an agent; upstream's default {@code checkRoles} allows the agent role. */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    @Override
    default void checkRoles(final RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
