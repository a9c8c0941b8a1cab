// Compile-only stand-in for org.jenkins-ci.main:remoting:3352.v17a_fb_4b_2773f (bundled by jenkins-core 2.541.3),
// src/main/java/hudson/remoting/VirtualChannel.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.remoting;

/** A channel to an agent; here only as a parameter type of {@code FilePath.FileCallable#invoke}. */
public interface VirtualChannel {
}
