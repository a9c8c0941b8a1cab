// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/jenkins/model/GlobalConfiguration.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/** A section of the system configuration page; its own descriptor. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Upstream binds the form to the {@code @DataBoundSetter}s with {@link StaplerRequest2#bindJSON}. */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
