// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Result.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

import java.io.Serializable;

/**
 * A build's result. Upstream also implements {@code org.kohsuke.stapler.export.CustomExportedBean}, left out here
 * because the plugin uses none of its members (leaving a supertype out only makes the shim stricter).
 */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Read with getstatic at run time, so the real constant is used; never a compile-time constant here. */
    public static final Result UNSTABLE = null;

    private Result() {
    }
}
