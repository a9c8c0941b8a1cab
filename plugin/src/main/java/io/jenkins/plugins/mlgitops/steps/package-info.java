/**
 * The Pipeline steps: each {@code *Step} binds its parameters and hands them, as a Jenkins-free request of
 * {@code steps.engine}, to the agent that holds the workspace; {@code EngineExecution} records the outcome on the
 * build.
 */
package io.jenkins.plugins.mlgitops.steps;
