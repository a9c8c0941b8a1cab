// Compile-only stand-in for org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799 (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** The "Secret text" kind of credentials. Upstream's {@code @NameWith} annotation is left out. */
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
