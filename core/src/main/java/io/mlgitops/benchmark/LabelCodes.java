package io.mlgitops.benchmark;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;
import io.mlgitops.metrics.ClassLabels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A label column as per-row codes into its distinct labels (canonical text), computed without a String per row.
 */
final class LabelCodes {
    private static final int SMALL_INTEGER_LIMIT = 4096;

    private final List<String> distinct;
    private final int[] codes;

    private LabelCodes(final List<String> distinct, final int[] codes) {
        this.distinct = distinct;
        this.codes = codes;
    }

    /** Codes of a label column; missing values get code {@code -1}. */
    static LabelCodes of(final Column column) {
        if (column instanceof TextColumn text) {
            return ofText(text);
        }
        return ofNumbers((NumericColumn) column);
    }

    private static LabelCodes ofText(final TextColumn column) {
        int[] compact = new int[column.dictionary().length];
        Arrays.fill(compact, -1);
        List<String> distinct = new ArrayList<>();
        int[] codes = new int[column.size()];
        for (int row = 0; row < codes.length; row++) {
            int code = column.code(row);
            if (code >= 0 && compact[code] < 0) {
                compact[code] = distinct.size();
                distinct.add(column.dictionary()[code]);
            }
            codes[row] = code < 0 ? -1 : compact[code];
        }
        return new LabelCodes(distinct, codes);
    }

    private static LabelCodes ofNumbers(final NumericColumn column) {
        List<String> distinct = new ArrayList<>();
        int[] codes = new int[column.size()];
        int[] smallIntegers = new int[SMALL_INTEGER_LIMIT];
        Arrays.fill(smallIntegers, -1);
        Map<Double, Integer> others = new HashMap<>();
        for (int row = 0; row < codes.length; row++) {
            double value = column.get(row);
            if (Double.isNaN(value)) {
                codes[row] = -1;
            }
            else if (value >= 0 && value < SMALL_INTEGER_LIMIT && value == Math.rint(value)) {
                int slot = (int) value;
                if (smallIntegers[slot] < 0) {
                    smallIntegers[slot] = distinct.size();
                    distinct.add(ClassLabels.canonical(value));
                }
                codes[row] = smallIntegers[slot];
            }
            else {
                codes[row] = others.computeIfAbsent(value, unseen -> {
                    distinct.add(ClassLabels.canonical(unseen));
                    return distinct.size() - 1;
                });
            }
        }
        return new LabelCodes(distinct, codes);
    }

    List<String> distinct() {
        return distinct;
    }

    /** Per row, the index into {@link #distinct()}, or {@code -1} when missing. Shared; must not be modified. */
    int[] codes() {
        return codes;
    }

    /** The first row with a missing label, or {@code -1}. */
    int firstMissingRow() {
        for (int row = 0; row < codes.length; row++) {
            if (codes[row] < 0) {
                return row;
            }
        }
        return -1;
    }

    /** Per-row indices into the label space. Every row must have a label. */
    int[] indicesIn(final ClassLabels labels) {
        int[] translation = new int[distinct.size()];
        for (int code = 0; code < translation.length; code++) {
            translation[code] = labels.indexOf(distinct.get(code));
        }
        int[] indices = new int[codes.length];
        for (int row = 0; row < codes.length; row++) {
            indices[row] = translation[codes[row]];
        }
        return indices;
    }
}
