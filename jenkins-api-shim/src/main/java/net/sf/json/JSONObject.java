// Compile-only stand-in for org.kohsuke.stapler:json-lib:2.4-jenkins-15 (the version jenkins-core 2.541.3 manages),
// src/main/java/net/sf/json/JSONObject.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package net.sf.json;

/**
 * A submitted form as JSON; here only as a parameter type. Upstream extends {@code AbstractJSON} and implements
 * {@code JSON}, {@code Map} and {@code Comparable}; left out because the plugin calls none of their members.
 */
public final class JSONObject {
    private JSONObject() {
    }
}
