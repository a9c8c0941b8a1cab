/**
 * The judges of the canary analysis (threshold, comparative, minimum samples), the decision lines they write, and the
 * reading of check specs; used through {@link io.mlgitops.canary.Analyst} and {@link io.mlgitops.canary.CheckSpecs}.
 */
package io.mlgitops.canary.analysis;
