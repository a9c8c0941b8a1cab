// Compile-only stand-in for org.kohsuke.stapler:stapler:2050.v425108fd5089 (the version jenkins-core 2.541.3 uses),
// core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.kohsuke.stapler;

import net.sf.json.JSONObject;

/**
 * A web request. Upstream extends {@code jakarta.servlet.http.HttpServletRequest}; left out, with the servlet API,
 * because the plugin calls none of its members (leaving a supertype out only makes the shim stricter).
 */
public interface StaplerRequest2 {
    void bindJSON(Object bean, JSONObject src);
}
