package io.jenkins.plugins.mlgitops.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlgitops.adapters.CredentialsItems;
import io.jenkins.plugins.mlgitops.adapters.JenkinsFacade;
import io.jenkins.plugins.mlgitops.config.settings.GitOpsRepositorySettings;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The GitOps repository {@code mlPromote} and {@code mlRollback} commit to when the step leaves {@code repository}
 * blank, with its branch, credential and the commit author ({@link GitOpsRepositorySettings#withDefaults} has the
 * rules).
 */
public final class GitOpsDefaults extends CredentialsBlock<GitOpsDefaults> {
    private String repository;
    private String branch;
    private String author;

    @DataBoundConstructor
    public GitOpsDefaults() {
        // every field is optional
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(final String repository) {
        this.repository = Fields.trimmed(repository);
    }

    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(final String branch) {
        this.branch = Fields.trimmed(branch);
    }

    public String getAuthor() {
        return author;
    }

    @DataBoundSetter
    public void setAuthor(final String author) {
        this.author = Fields.trimmed(author);
    }

    GitOpsRepositorySettings settings() {
        return new GitOpsRepositorySettings(repository, branch, getCredentialsId(), author);
    }

    /** Checks the fields of the form; only administrators may ask, and only by POST. */
    @Extension
    @Symbol("gitOpsDefaults")
    public static final class DescriptorImpl extends CredentialsFieldDescriptor<GitOpsDefaults> {
        @Override
        public String getDisplayName() {
            return "GitOps repository defaults";
        }

        @Override
        CredentialsItems.Kind credentialsKind() {
            return CredentialsItems.Kind.GIT;
        }

        @POST
        public FormValidation doCheckRepository(@QueryParameter final String value) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(GitOpsRepositorySettings.checkRepository(value));
        }

        @POST
        public FormValidation doCheckAuthor(@QueryParameter final String value) {
            JenkinsFacade.checkPermission(Jenkins.ADMINISTER);
            return FormValidations.of(GitOpsRepositorySettings.checkAuthor(value));
        }
    }
}
