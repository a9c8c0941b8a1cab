/**
 * The Jenkins-free half of the steps: a request holds a step's parameters and turns them into an engine command, the
 * outcome carries the result back from the agent, and the finisher writes the report and decides the build result.
 * Nothing here imports a Jenkins type (an architecture test checks it), so all of it is unit-tested on real files.
 */
package io.jenkins.plugins.mlgitops.steps.engine;
