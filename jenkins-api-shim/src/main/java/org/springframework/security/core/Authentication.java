// Compile-only stand-in for org.springframework.security:spring-security-core:6.5.7 (the version jenkins-core 2.541.3 manages),
// core/src/main/java/org/springframework/security/core/Authentication.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/** Who is acting; the plugin only passes Jenkins' system identity ({@code ACL.SYSTEM2}) on. */
public interface Authentication extends Principal, Serializable {
}
