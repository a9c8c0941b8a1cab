/**
 * Progressive delivery of a candidate model: the {@link io.mlgitops.canary.TrafficRouter} and
 * {@link io.mlgitops.canary.MetricProvider} ports, routers, analysis, and the canary controller.
 */
package io.mlgitops.canary;
