// Compile-only stand-in for org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f (bundled by jenkins-core 2.541.3),
// src/main/java/org/jenkinsci/remoting/RoleSensitive.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.remoting;

/** Something that declares where it may run. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
