/**
 * Ports that every slice may use and that each host (CLI, Jenkins) implements: progress, secrets, time.
 */
package io.mlgitops.api.spi;
