package io.jenkins.plugins.mlgitops.adapters;

import com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.util.List;

/**
 * The credentials drop-down lists of <em>Manage Jenkins › System › ML GitOps</em>: the global credentials of the
 * kinds a field accepts. Callers check {@code Jenkins.ADMINISTER} first and answer {@link #currentOnly} otherwise, so
 * that no credential's name leaks to other users.
 */
public final class CredentialsItems {
    /** What a credentials field accepts. */
    public enum Kind {
        /** A server the engine calls over HTTP: user name and password, or a token. */
        HTTP(List.of(StandardUsernamePasswordCredentials.class, StringCredentials.class)),
        /** A kubeconfig uploaded as a Secret file. */
        KUBECONFIG(List.of(FileCredentials.class)),
        /** The GitOps repository: user name and password, token or SSH key. */
        GIT(List.of(StandardCredentials.class));

        private final List<Class<? extends StandardCredentials>> types;

        Kind(final List<Class<? extends StandardCredentials>> types) {
            this.types = types;
        }
    }

    private CredentialsItems() {
    }

    /** The global credentials of the kind, as Jenkins itself sees them, with an empty choice and the current value. */
    public static ListBoxModel global(final Kind kind, final String currentValue) {
        AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> items =
                new StandardListBoxModel().includeEmptyValue();
        for (Class<? extends StandardCredentials> type : kind.types) {
            // a null item is the global context: the credentials of Jenkins itself
            items = items.includeAs(ACL.SYSTEM2, (Item) null, type);
        }
        return items.includeCurrentValue(currentValue == null ? "" : currentValue);
    }

    /** Only the current value: what a user without the permission sees. */
    public static ListBoxModel currentOnly(final String currentValue) {
        return new StandardListBoxModel().includeCurrentValue(currentValue == null ? "" : currentValue);
    }
}
