package io.mlgitops.compliance.fairness;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The rows of a data set split into groups by the values of one sensitive column, or by the combination of the
 * values of several (as fairlearn does when given several sensitive features). Groups are ordered by value (numbers
 * numerically, texts alphabetically; combinations by the first column, then the next) and named
 * {@code column=value}, joined by {@code +} for combinations. A row with a missing value in any of the columns
 * belongs to no group.
 */
final class Grouping {
    private static final int NO_GROUP = -1;
    /** The sort key of a missing value; no value maps to it (see {@link #numericKeys}). */
    private static final long MISSING = Long.MIN_VALUE;

    private final String name;
    private final int[] groupOfRow;
    private final String[] groupNames;
    private final int missingRows;

    private Grouping(final String name, final int[] groupOfRow, final String[] groupNames) {
        this.name = name;
        this.groupOfRow = groupOfRow;
        this.groupNames = groupNames;
        this.missingRows = (int) Arrays.stream(groupOfRow).filter(group -> group == NO_GROUP).count();
    }

    /** The groups formed by the combination of the values of {@code columns} (one column or more). */
    static Grouping of(final List<Column> columns) {
        Grouping grouping = of(columns.get(0));
        for (Column next : columns.subList(1, columns.size())) {
            grouping = grouping.combine(of(next));
        }
        return grouping;
    }

    private static Grouping of(final Column column) {
        long[] keys = column instanceof TextColumn text ? textKeys(text) : numericKeys((NumericColumn) column);
        return group(column.name(), keys, row -> column.name() + "=" + column.text(row));
    }

    /** The key of a row is the rank of its text among the texts of the column. */
    private static long[] textKeys(final TextColumn column) {
        String[] dictionary = column.dictionary();
        Integer[] order = new Integer[dictionary.length];
        Arrays.setAll(order, code -> code);
        Arrays.sort(order, Comparator.comparing(code -> dictionary[code]));
        long[] rankOfCode = new long[dictionary.length];
        for (int rank = 0; rank < order.length; rank++) {
            rankOfCode[order[rank]] = rank;
        }
        long[] keys = new long[column.size()];
        for (int row = 0; row < keys.length; row++) {
            int code = column.code(row);
            keys[row] = code < 0 ? MISSING : rankOfCode[code];
        }
        return keys;
    }

    /**
     * The key of a row is its value's IEEE bits, made to sort like the values: negative numbers have their
     * magnitude bits flipped. Only a NaN could map to {@link #MISSING}, and NaN marks the missing rows.
     */
    private static long[] numericKeys(final NumericColumn column) {
        long[] keys = new long[column.size()];
        for (int row = 0; row < keys.length; row++) {
            double value = column.get(row) + 0.0; // -0.0 + 0.0 is 0.0: one group for both zeros
            long bits = Double.doubleToLongBits(value);
            keys[row] = Double.isNaN(value) ? MISSING : bits < 0 ? bits ^ Long.MAX_VALUE : bits;
        }
        return keys;
    }

    private Grouping combine(final Grouping next) {
        long[] keys = new long[groupOfRow.length];
        for (int row = 0; row < keys.length; row++) {
            int first = groupOfRow[row];
            int second = next.groupOfRow[row];
            keys[row] = first == NO_GROUP || second == NO_GROUP ? MISSING
                    : (long) first * next.groupNames.length + second;
        }
        return group(name + "+" + next.name, keys,
                row -> groupNames[groupOfRow[row]] + "+" + next.groupNames[next.groupOfRow[row]]);
    }

    /** Numbers the distinct keys in ascending order; each group is named after its first row. */
    private static Grouping group(final String name, final long[] keys, final IntFunction<String> nameOfRow) {
        long[] distinct = Arrays.stream(keys).filter(key -> key != MISSING).sorted().distinct().toArray();
        int[] groupOfRow = new int[keys.length];
        String[] groupNames = new String[distinct.length];
        for (int row = 0; row < keys.length; row++) {
            int group = keys[row] == MISSING ? NO_GROUP : Arrays.binarySearch(distinct, keys[row]);
            groupOfRow[row] = group;
            if (group != NO_GROUP && groupNames[group] == null) {
                groupNames[group] = nameOfRow.apply(row);
            }
        }
        return new Grouping(name, groupOfRow, groupNames);
    }

    /** The sensitive column's name, or the column names joined by {@code +}. */
    String name() {
        return name;
    }

    int groupCount() {
        return groupNames.length;
    }

    /** The group of a row, or a negative number when one of its sensitive values is missing. */
    int groupOf(final int row) {
        return groupOfRow[row];
    }

    /** {@code column=value}, joined by {@code +} for a combination. */
    String groupName(final int group) {
        return groupNames[group];
    }

    /** Rows left out because a sensitive value is missing. */
    int missingRows() {
        return missingRows;
    }
}
