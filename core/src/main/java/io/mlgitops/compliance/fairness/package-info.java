/**
 * Fairness rule types: {@code fairness} bounds a group-fairness metric of the model's predictions on the evaluation
 * data set (fairlearn 0.15 definitions, four-fifths rule), and {@code featureDenylist} keeps special-category and
 * prohibited-basis attributes (GDPR Art. 9, ECOA / Regulation B) out of the model's inputs.
 */
package io.mlgitops.compliance.fairness;
