// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/hudson/model/TaskListener.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

import java.io.PrintStream;

/** The build log as the plugin sees it. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
