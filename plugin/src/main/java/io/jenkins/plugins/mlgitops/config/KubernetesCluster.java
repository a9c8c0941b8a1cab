package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.adapters.CredentialsItems;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.KubernetesClusterSettings;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Kubernetes cluster {@code mlCanary} reaches when the step gives no {@code kubeconfig}: in the cluster (the
 * agent pod's service account) without a credential, else the kubeconfig of a Secret file credential.
 */
public final class KubernetesCluster extends CredentialsBlock<KubernetesCluster> {
    private String context;

    @DataBoundConstructor
    public KubernetesCluster() {
        // both fields are optional: an empty block means in-cluster
    }

    public String getContext() {
        return context;
    }

    /** The kubeconfig's context; none for its current context. */
    @DataBoundSetter
    public void setContext(final String context) {
        this.context = Fields.trimmed(context);
    }

    KubernetesClusterSettings settings() {
        return new KubernetesClusterSettings(getCredentialsId(), context);
    }

    /** Checks the fields of the form; only administrators may ask, and only by POST. */
    @Extension
    @Symbol("kubernetes")
    public static final class DescriptorImpl extends CredentialsFieldDescriptor<KubernetesCluster> {
        @Override
        public String getDisplayName() {
            return "Kubernetes cluster";
        }

        @Override
        CredentialsItems.Kind credentialsKind() {
            return CredentialsItems.Kind.KUBECONFIG;
        }

        @POST
        public FormValidation doCheckContext(@QueryParameter final String value,
                @QueryParameter final String credentialsId) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(KubernetesClusterSettings.checkContext(value, credentialsId));
        }
    }
}
