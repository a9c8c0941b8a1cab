/**
 * Column-oriented data sets read from CSV: typed primitive columns, dictionary-encoded text, SHA-256 of the input.
 */
package io.mlgitops.data;
