// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3, core/src/main/java/hudson/ExtensionList.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson;

import jenkins.util.io.OnMaster;

import java.util.AbstractList;

/** The registered instances of an extension point. */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    private ExtensionList() {
    }

    public static <U> U lookupSingleton(final Class<U> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Upstream implements this {@link AbstractList} method; the plugin never calls it. */
    @Override
    public T get(final int index) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Upstream implements this {@link AbstractList} method; the plugin never calls it. */
    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
