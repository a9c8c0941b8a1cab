/**
 * The {@code local} router's world in this process: model servers that predict with any model runner and export
 * Prometheus metrics, a weighted split in front of them, a traffic replay, the router over the split with a JSON state
 * file, and a metric provider over the servers' own counters. Used through
 * {@link io.mlgitops.canary.LocalServing} and {@link io.mlgitops.canary.TrafficReplay}.
 */
package io.mlgitops.canary.local;
