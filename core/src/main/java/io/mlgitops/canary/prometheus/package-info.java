/**
 * The Prometheus metric provider over Prometheus' HTTP query API. Created through
 * {@link io.mlgitops.canary.MetricProviders#prometheus}.
 */
package io.mlgitops.canary.prometheus;
