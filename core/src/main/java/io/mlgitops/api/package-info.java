/**
 * The engine's facade for hosts (the command line, the Jenkins plugin): {@link io.mlgitops.api.MlGitOps} hands out
 * single-use commands that return immutable results.
 */
package io.mlgitops.api;
