/**
 * Champion-versus-candidate comparison: metrics on the same rows, paired statistics, gates, latency and slices.
 */
package io.mlgitops.benchmark;
