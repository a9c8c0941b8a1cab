// Compile-only stand-in for org.jenkins-ci.plugins:plain-credentials:199.v9f8e1f741799 (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/plaincredentials/FileCredentials.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;

import java.io.IOException;
import java.io.InputStream;

/** The "Secret file" kind of credentials. Upstream's {@code @NameWith} annotation is left out. */
public interface FileCredentials extends StandardCredentials {
    /** The file's name as uploaded, without a path. */
    String getFileName();

    /** The file's bytes; the caller closes the stream. */
    InputStream getContent() throws IOException;
}
