// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/jenkins/model/Loadable.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package jenkins.model;

import java.io.IOException;

/** An object that loads its persisted state. */
public interface Loadable {
    void load() throws IOException;
}
