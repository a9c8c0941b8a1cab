package io.jenkins.plugins.mlgitops.config;

import hudson.model.Describable;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A block of the global configuration with a Jenkins credential, kept as its id only: the values are looked up for
 * each step call in the run's context. Which kinds of credentials fit is the block's descriptor's
 * ({@link CredentialsFieldDescriptor}) and help's business.
 *
 * @param <T> the block
 */
public abstract class CredentialsBlock<T extends CredentialsBlock<T>> implements Describable<T> {
    private String credentialsId;

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = Fields.trimmed(credentialsId);
    }
}
