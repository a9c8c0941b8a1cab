// Compile-only stand-in for org.jenkins-ci:symbol-annotation:1.25 (the version jenkins-core 2.541.3 manages),
// src/main/java/org/jenkinsci/Symbol.java (earlier in jenkinsci/structs-plugin, annotation/).
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The short name Pipeline and Configuration as Code use for a describable, e.g. {@code metricGate(...)}. Upstream is
 * meta-annotated {@code @org.jvnet.hudson.annotation_indexer.Indexed}, whose processor is not on Maven Central; the
 * plugin therefore ships {@code META-INF/services/annotations/org.jenkinsci.Symbol} itself, and a test checks that it
 * lists every class carrying this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
