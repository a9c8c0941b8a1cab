// Compile-only stand-in for org.kohsuke.stapler:stapler:2050.v425108fd5089 (the version jenkins-core 2.541.3 uses),
// core/src/main/java/org/kohsuke/stapler/DataBoundConstructor.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The constructor that binds the required parameters; their names come from {@code javac -parameters}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {
}
