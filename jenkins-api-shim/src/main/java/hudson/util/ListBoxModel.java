// Compile-only stand-in for org.jenkins-ci.main:jenkins-core:2.541.3,
// core/src/main/java/hudson/util/ListBoxModel.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package hudson.util;

import org.kohsuke.stapler.HttpResponse;

import java.util.ArrayList;

/** The choices of a drop-down list, answered by a {@code doFill...Items} method. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
        super();
    }

    /** One choice: its label and value. Upstream's fields and constructors are left out; the plugin uses none. */
    public static final class Option {
        private Option() {
        }
    }
}
