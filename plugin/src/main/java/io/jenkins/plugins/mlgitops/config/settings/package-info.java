/**
 * The Jenkins-free rules of the global configuration: which server names and URLs are valid, and how a step's
 * {@code mlflowServer} name or {@code mlflowUrl} becomes the server the engine talks to. Unit-tested without Jenkins.
 */
package io.jenkins.plugins.mlgitops.config.settings;
