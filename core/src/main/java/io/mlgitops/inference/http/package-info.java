/**
 * Remote models over HTTP: the MLflow scoring server ({@code POST .../invocations}) and the Open Inference Protocol
 * of KServe, Triton and MLServer ({@code POST .../v2/models/NAME/infer}).
 */
package io.mlgitops.inference.http;
