/**
 * A small HTTP layer shared by the registry client and the remote model runners: connect and request timeouts,
 * bounded retries with jittered exponential backoff for retryable failures only, credentials read from a
 * {@link io.mlgitops.api.spi.SecretSource}, and URLs shown without secrets.
 */
package io.mlgitops.net;
