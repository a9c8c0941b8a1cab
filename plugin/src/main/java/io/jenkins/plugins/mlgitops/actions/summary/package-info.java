/**
 * The Jenkins-free part of the build action: the summary of a report kept in {@code build.xml} and the reading of
 * the full reports beside it. Unit-tested without Jenkins; an architecture test keeps Jenkins types out.
 */
package io.jenkins.plugins.mlgitops.actions.summary;
