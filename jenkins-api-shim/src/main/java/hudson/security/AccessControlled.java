// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/hudson/security/AccessControlled.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.security;

/**
 * An object with permissions. Upstream's abstract {@code getACL()} and its other defaults are left out: the plugin
 * neither implements nor calls them. {@code checkPermission} throws Spring Security's unchecked
 * {@code AccessDeniedException} upstream.
 */
public interface AccessControlled {
    default void checkPermission(final Permission permission) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    default boolean hasPermission(final Permission permission) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
