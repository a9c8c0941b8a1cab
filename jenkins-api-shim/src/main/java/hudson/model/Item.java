// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Item.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * A configurable thing in Jenkins, such as a job. Upstream also extends {@code PersistenceRoot,
 * FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, OnMaster}; left out because the plugin uses none
 * of their members. The permission constant is an object, read with {@code getstatic}, so {@code null} here is safe.
 */
public interface Item extends AccessControlled {
    Permission READ = null;
}
