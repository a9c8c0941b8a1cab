package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.MlflowServerSettings;
import io.jenkins.plugins.mlgitops.config.settings.Validation;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** An MLflow tracking server in <em>Manage Jenkins › ML GitOps</em>; steps name it with {@code mlflowServer}. */
public final class MlflowServer implements Describable<MlflowServer> {
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
        return new MlflowServerSettings(name, url);
    }

    /** Checks the fields of the form; only administrators may ask, and only by POST. */
    @Extension
    @Symbol("mlflowServer")
    public static final class DescriptorImpl extends Descriptor<MlflowServer> {
        @Override
        public String getDisplayName() {
            return "MLflow tracking server";
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

    /** Jenkins' form answers for the Jenkins-free {@link Validation}. */
    static final class FormValidations {
        private FormValidations() {
        }

        static FormValidation of(final Validation validation) {
            return switch (validation.kind()) {
                case OK -> FormValidation.ok();
                case WARNING -> FormValidation.warning(validation.message());
                case ERROR -> FormValidation.error(validation.message());
            };
        }
    }
}
