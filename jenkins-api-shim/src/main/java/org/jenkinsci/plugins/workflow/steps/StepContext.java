// Compile-only stand-in for org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_ (bom-2.541.x),
// src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java.
// Same package, name, kind, type parameters, supertypes, checked exceptions and erased signatures as upstream, for
// the members the ml-gitops plugin uses only; bodies are trivial. Written for this project; no upstream code.
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import hudson.model.Result;

import java.io.IOException;
import java.io.Serializable;

/**
 * What a running step can reach ({@code Run}, {@code TaskListener}, {@code FilePath}, ...) and how it reports its
 * end. {@code onFailure(Throwable)} comes from {@link FutureCallback}, as upstream. Upstream's other abstract members
 * ({@code isReady}, {@code saveState}, {@code newBodyInvoker}, ...) are left out: the plugin neither calls nor
 * implements them.
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(Object result);

    public abstract void setResult(Result r);
}
