// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/EnvVars.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson;

import java.util.TreeMap;

/** Environment variables of a build. The plugin reads it as a map only. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    private EnvVars() {
    }
}
