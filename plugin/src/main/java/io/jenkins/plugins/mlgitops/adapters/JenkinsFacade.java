package io.jenkins.plugins.mlgitops.adapters;

import hudson.ExtensionList;
import hudson.security.Permission;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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

    /** Whether the current user has the permission on the controller. */
    public static boolean hasPermission(final Permission permission) {
        return Jenkins.get().hasPermission(permission);
    }

    /**
     * Runs a short task later on the controller's shared timer ({@code jenkins.util.Timer}), as Pipeline's own
     * waiting steps do; the task must hand long work to another thread.
     */
    public static ScheduledFuture<?> schedule(final Runnable task, final long delayMillis) {
        return Timer.get().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** The registered instance of a singleton extension, such as the global configuration. */
    public static <T> T singleton(final Class<T> type) {
        return ExtensionList.lookupSingleton(type);
    }
}
