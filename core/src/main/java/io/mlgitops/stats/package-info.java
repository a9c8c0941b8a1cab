/**
 * Statistics for comparisons: paired tests of champion and candidate on the same rows (paired bootstrap, McNemar,
 * DeLong, Holm's multiple-comparison adjustment), and the Mann-Whitney U test of two independent samples (canary and
 * stable series).
 */
package io.mlgitops.stats;
