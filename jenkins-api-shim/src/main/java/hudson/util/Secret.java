// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/hudson/util/Secret.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.util;

import java.io.Serializable;

/** A secret kept encrypted on disk. Upstream is a final class. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
