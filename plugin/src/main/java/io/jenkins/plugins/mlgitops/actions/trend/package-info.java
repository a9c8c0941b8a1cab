/**
 * The Jenkins-free part of the job action: trends computed from the report summaries of the last builds only, and
 * drawn as inline SVG. Unit-tested without Jenkins; an architecture test keeps Jenkins types out.
 */
package io.jenkins.plugins.mlgitops.actions.trend;
