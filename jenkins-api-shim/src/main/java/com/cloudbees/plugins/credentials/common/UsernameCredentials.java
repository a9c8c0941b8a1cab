// Compile-only stand-in for org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0 (bom-2.541.x),
// src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Credentials with a user name. Upstream's default {@code isUsernameSecret()} is not used here. */
public interface UsernameCredentials extends Credentials {
    String getUsername();
}
