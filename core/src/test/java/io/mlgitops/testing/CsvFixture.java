package io.mlgitops.testing;

import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.data.NumericColumn;
import io.mlgitops.data.TextColumn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the simple example CSV files (comma-separated, no quoted fields, empty cell = missing) into a
 * {@link Dataset}, so that tests of other slices do not depend on the production CSV reader.
 */
public final class CsvFixture {
    private CsvFixture() {
    }

    public static Dataset read(final Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        String[] header = lines.get(0).split(",", -1);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(line.split(",", -1));
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            columns.add(column(header[c], c, rows, csv.toString()));
        }
        return new Dataset(csv.toString(), "0".repeat(64), columns);
    }

    private static Column column(final String name, final int index, final List<String[]> rows, final String source) {
        double[] numbers = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[index];
            try {
                numbers[r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
            catch (NumberFormatException text) {
                return textColumn(name, index, rows, source);
            }
        }
        return new NumericColumn(name, numbers);
    }

    private static Column textColumn(final String name, final int index, final List<String[]> rows,
            final String source) {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[index];
            codes[r] = cell.isEmpty() ? -1 : dictionary.computeIfAbsent(cell, added -> dictionary.size());
        }
        return new TextColumn(name, source, codes, dictionary.keySet().toArray(new String[0]));
    }
}
