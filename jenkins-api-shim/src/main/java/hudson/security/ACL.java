// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/hudson/security/ACL.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.security;

import org.springframework.security.core.Authentication;

/** Access control lists; the plugin only reads the system identity. */
public abstract class ACL {
    /** Jenkins acting as itself. Read with getstatic at run time, so the real identity is used. */
    public static final Authentication SYSTEM2 = null;

    private ACL() {
    }
}
