// Compile-only stand-in for org.kohsuke.stapler:stapler:2050.v425108fd5089 (the version jenkins-core 2.541.3 uses),
// core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.kohsuke.stapler;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A web response. Upstream extends {@code jakarta.servlet.http.HttpServletResponse}; the shim leaves that supertype
 * and the servlet API out, and declares here the four servlet members the plugin calls (upstream they come from
 * {@code jakarta.servlet.ServletResponse} and {@code HttpServletResponse} of jakarta.servlet-api 6.x). Compiled
 * calls name {@code StaplerResponse2} as the owner, and the JVM resolves an interface method through the
 * superinterfaces, so they link against the real jar.
 */
public interface StaplerResponse2 {
    void setContentType(String type);

    void setHeader(String name, String value);

    PrintWriter getWriter() throws IOException;

    void sendError(int sc, String msg) throws IOException;
}
