package io.mlgitops.benchmark;

/**
 * The outcome of one gate.
 *
 * @param metric  canonical metric name
 * @param rule    the rule in words
 * @param passed  whether the candidate met it
 * @param message what was compared with what, in one line
 */
public record GateResult(String metric, String rule, boolean passed, String message) {
}
