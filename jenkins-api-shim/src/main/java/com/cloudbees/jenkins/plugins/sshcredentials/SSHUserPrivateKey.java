// Compile-only stand-in for org.jenkins-ci.plugins:ssh-credentials:372.va_250881b_08cd (bom-2.541.x),
// src/main/java/com/cloudbees/jenkins/plugins/sshcredentials/SSHUserPrivateKey.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import hudson.util.Secret;

import java.util.List;

/**
 * The "SSH Username with private key" kind of credentials. Upstream extends the deprecated {@code SSHUser}, which
 * extends {@code StandardUsernameCredentials} and adds no member the plugin uses; it is left out here. The deprecated
 * {@code getPrivateKey()} is left out too.
 */
public interface SSHUserPrivateKey extends StandardUsernameCredentials {
    /** The key texts (not paths), to be tried in order. */
    List<String> getPrivateKeys();

    /** The passphrase of the keys, or {@code null} when they are not encrypted. */
    Secret getPassphrase();
}
