/**
 * The {@link io.mlgitops.registry.ModelRegistry} port and its MLflow REST client.
 */
package io.mlgitops.registry;
