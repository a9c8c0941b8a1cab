/**
 * Paired statistics for champion-versus-candidate comparisons on the same rows: paired bootstrap, McNemar, DeLong and
 * Holm's multiple-comparison adjustment.
 */
package io.mlgitops.stats;
