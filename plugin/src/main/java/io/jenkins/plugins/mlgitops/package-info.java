/**
 * The ML GitOps Jenkins plugin: Pipeline steps over the engine ({@code io.mlgitops}), their build records and global
 * settings. Jenkins types stay in {@code steps} (the step classes), {@code actions}, {@code config} and
 * {@code adapters}; everything that decides something lives in {@code steps.engine}, which knows no Jenkins type.
 */
package io.jenkins.plugins.mlgitops;
