package io.jenkins.plugins.mlgitops.adapters;

import hudson.ExtensionList;
import hudson.security.Permission;
import jenkins.model.Jenkins;

/**
 * The plugin's only way to the Jenkins singletons (an architecture test enforces it), so that everything else can be
 * read, and its logic tested, without a running Jenkins.
 */
public final class JenkinsFacade {
    private JenkinsFacade() {
    }

    /** Fails with Jenkins' access-denied error unless the current user has the permission on the controller. */
    public static void checkPermission(final Permission permission) {
        Jenkins.get().checkPermission(permission);
    }

    /** The registered instance of a singleton extension, such as the global configuration. */
    public static <T> T singleton(final Class<T> type) {
        return ExtensionList.lookupSingleton(type);
    }
}
