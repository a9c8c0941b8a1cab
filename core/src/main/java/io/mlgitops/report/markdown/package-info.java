/**
 * Reports as a compact Markdown summary for pull-request comments: the verdict of each gate, key table rows and
 * findings, every value escaped.
 */
package io.mlgitops.report.markdown;
