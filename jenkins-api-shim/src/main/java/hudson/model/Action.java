// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Action.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

/**
 * Something attached to a build, job or Pipeline node. Upstream's default methods ({@code getDescription},
 * {@code getGroup}, ...) are left out: the plugin neither calls nor overrides them.
 */
public interface Action extends ModelObject {
    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
