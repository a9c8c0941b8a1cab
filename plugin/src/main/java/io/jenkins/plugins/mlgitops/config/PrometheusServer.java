package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.adapters.CredentialsItems;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.PrometheusServerSettings;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The Prometheus server {@code mlCanary} queries when the step gives no {@code prometheusUrl}. */
public final class PrometheusServer extends CredentialsBlock<PrometheusServer> {
    private final String url;
    private String scrapeInterval;

    @DataBoundConstructor
    public PrometheusServer(final String url) {
        this.url = url == null ? null : url.trim();
    }

    public String getUrl() {
        return url;
    }

    public String getScrapeInterval() {
        return scrapeInterval;
    }

    /** How often Prometheus scrapes the model servers ({@code 15s}); the default of steps that give none. */
    @DataBoundSetter
    public void setScrapeInterval(final String scrapeInterval) {
        this.scrapeInterval = Fields.trimmed(scrapeInterval);
    }

    PrometheusServerSettings settings() {
        return new PrometheusServerSettings(url, getCredentialsId(), scrapeInterval);
    }

    /** Checks the fields of the form; only administrators may ask, and only by POST. */
    @Extension
    @Symbol("prometheus")
    public static final class DescriptorImpl extends CredentialsFieldDescriptor<PrometheusServer> {
        @Override
        public String getDisplayName() {
            return "Prometheus";
        }

        @Override
        CredentialsItems.Kind credentialsKind() {
            return CredentialsItems.Kind.HTTP;
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter final String value) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(PrometheusServerSettings.checkUrl(value));
        }

        @POST
        public FormValidation doCheckScrapeInterval(@QueryParameter final String value) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(PrometheusServerSettings.checkScrapeInterval(value));
        }
    }
}
