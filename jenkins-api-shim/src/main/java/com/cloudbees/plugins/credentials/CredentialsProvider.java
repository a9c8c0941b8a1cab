// Compile-only stand-in for org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0 (bom-2.541.x),
// src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;

/**
 * Where credentials come from; the plugin uses only its static look-up and tracking. Upstream extends
 * {@code Descriptor<CredentialsProvider>} and implements {@code ExtensionPoint, Describable<CredentialsProvider>,
 * IconSpec}; they are left out because the plugin neither extends this class nor calls an inherited member.
 */
public abstract class CredentialsProvider {
    private CredentialsProvider() {
    }

    /** The credentials with this id that the run may use, or {@code null}. Erasure returns {@code IdCredentials}. */
    public static <C extends IdCredentials> C findCredentialById(final String id, final Class<C> type,
            final Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Records that the build used the credentials (fingerprint). Raw {@code Run}, as upstream. */
    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(final Run build, final C credentials) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
