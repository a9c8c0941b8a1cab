// Compile-only stand-in for org.kohsuke.stapler:stapler:2050.v425108fd5089 (the version jenkins-core 2.541.3 uses),
// core/src/main/java/org/kohsuke/stapler/HttpResponse.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.kohsuke.stapler;

/**
 * A response object. Upstream's members are default methods over servlet types; left out because the plugin neither
 * calls nor overrides them.
 */
public interface HttpResponse {
}
