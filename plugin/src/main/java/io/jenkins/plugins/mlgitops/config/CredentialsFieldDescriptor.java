package io.jenkins.plugins.mlgitops.config;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlgitops.adapters.CredentialsItems;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of a configuration block with a {@code credentialsId} field: its drop-down lists the global
 * credentials of the kinds the block accepts, to administrators only (others see just the current value), and only
 * for POST requests.
 *
 * @param <T> the block
 */
// public: a package-private base would make javac add public bridges in the subclasses that skip the check
public abstract class CredentialsFieldDescriptor<T extends Describable<T>> extends Descriptor<T> {
    /** The kinds of credentials the field accepts. */
    abstract CredentialsItems.Kind credentialsKind();

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter final String credentialsId) {
        if (!JenkinsFacade.hasPermission(Jenkins.ADMINISTER)) {
            return CredentialsItems.currentOnly(credentialsId);
        }
        return CredentialsItems.global(credentialsKind(), credentialsId);
    }
}
