// Compile-only stand-in for org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0 (bom-2.541.x),
// src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package com.cloudbees.plugins.credentials.common;

/** The drop-down list of standard credentials (id and description). */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel,
        StandardCredentials> {
    private static final long serialVersionUID = 1L;

    public StandardListBoxModel() {
        super();
    }
}
