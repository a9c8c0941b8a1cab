// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/hudson/util/FormValidation.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.util;

import org.kohsuke.stapler.HttpResponse;

import java.io.IOException;

/** The answer of a form field check; an exception type upstream too. */
public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    private FormValidation() {
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public static FormValidation warning(final String message) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public static FormValidation error(final String message) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
