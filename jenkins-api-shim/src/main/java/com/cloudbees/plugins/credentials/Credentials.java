// Compile-only stand-in for org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0 (bom-2.541.x),
// src/main/java/com/cloudbees/plugins/credentials/Credentials.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/**
 * Something stored by the credentials plugin. Upstream also extends {@code Describable<Credentials>} and
 * {@code ExtensionPoint} and declares {@code getScope()}, {@code getDescriptor()} and {@code forRun(Run)}; they are
 * left out because the plugin only receives credentials and calls none of them.
 */
public interface Credentials extends Serializable {
}
