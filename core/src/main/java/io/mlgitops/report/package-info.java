/**
 * The report model of DESIGN §5: one JSON document per gate run with a versioned schema and a content digest.
 */
package io.mlgitops.report;
