// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/jenkins/model/Jenkins.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * The Jenkins controller. Upstream extends {@code AbstractCIBase} and implements many more interfaces
 * ({@code DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback, ModifiableViewGroup,
 * DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren, OnMaster, Loadable}); they are left out
 * because the plugin uses none of their members.
 */
public class Jenkins implements AccessControlled {
    /** Read with getstatic at run time, so the real permission is used. */
    public static final Permission ADMINISTER = null;

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
