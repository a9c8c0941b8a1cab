/**
 * The {@link io.mlgitops.inference.ModelRunner} port and its implementations: ONNX Runtime, predictions files, the
 * MLflow registry and HTTP inference endpoints.
 */
package io.mlgitops.inference;
