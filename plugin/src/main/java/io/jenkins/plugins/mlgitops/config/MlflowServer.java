package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.adapters.CredentialsItems;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.MlflowServerSettings;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An MLflow tracking server in <em>Manage Jenkins › ML GitOps</em>; steps name it with {@code mlflowServer}. Its
 * credential is an id only: the values are looked up for each step call, in the run's context.
 */
public final class MlflowServer extends CredentialsBlock<MlflowServer> {
    private final String name;
    private final String url;

    @DataBoundConstructor
    public MlflowServer(final String name, final String url) {
        this.name = name == null ? null : name.trim();
        this.url = url == null ? null : url.trim();
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    MlflowServerSettings settings() {
        return new MlflowServerSettings(name, url, getCredentialsId());
    }

    /** Checks the fields of the form; only administrators may ask, and only by POST. */
    @Extension
    @Symbol("mlflowServer")
    public static final class DescriptorImpl extends CredentialsFieldDescriptor<MlflowServer> {
        @Override
        public String getDisplayName() {
            return "MLflow tracking server";
        }

        @Override
        CredentialsItems.Kind credentialsKind() {
            return CredentialsItems.Kind.HTTP;
        }

        @POST
        public FormValidation doCheckName(@QueryParameter final String value) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(MlflowServerSettings.checkName(value));
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter final String value) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(MlflowServerSettings.checkUrl(value));
        }
    }
}
