/**
 * The engine's exception hierarchy, shared by every slice.
 */
package io.mlgitops.api.errors;
