// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/model/Descriptor.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/** Metadata and configuration of a {@link Describable} type. */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    /** Finds the described type from the enclosing class, as upstream. */
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Persists the descriptor (upstream: XStream, {@code $JENKINS_HOME/<class>.xml}). */
    @Override
    public void save() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Loads the persisted descriptor. */
    @Override
    public void load() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** A form value that cannot be accepted, with the field it belongs to. */
    public static final class FormException extends Exception implements HttpResponse {
        private static final long serialVersionUID = 1L;

        private FormException() {
        }
    }
}
