// Compile-only stand-in for org.kohsuke.stapler:stapler:2050.v425108fd5089 (the version jenkins-core 2.541.3 uses),
// core/src/main/java/org/kohsuke/stapler/verb/POST.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes a web method for POST requests only. Upstream's meta-annotation {@code @InterceptorAnnotation} is read from
 * the real class at run time and is left out here.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
