// Compile-only stand-in for org.jenkins-ci.plugins:credentials:1511.v2e3cb_0008ef0 (bom-2.541.x),
// src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

/**
 * A drop-down list of credentials by id. The methods return this raw-bound type, not {@code T}, as upstream (their
 * erasure returns {@code AbstractIdCredentialsListBoxModel}).
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The credentials of the type that the authentication may see in the context ({@code null}: Jenkins itself). */
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(final Authentication authentication, final Item context,
            final Class<? extends C> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Keeps the current value selectable even when it is not listed (or no longer exists). */
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(final String value) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
