// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/jenkins/util/Timer.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

/** The controller's shared scheduler, for short tasks run later or periodically. */
public class Timer {
    public static ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
