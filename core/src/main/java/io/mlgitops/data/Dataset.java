package io.mlgitops.data;

import io.mlgitops.api.errors.InputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, column-oriented table read from a file, with the SHA-256 digest of that file.
 */
public final class Dataset {
    private final String source;
    private final String sha256;
    private final int rowCount;
    private final Map<String, Column> columns;

    /**
     * @param source  where the data came from (a file path), used in messages and reports
     * @param sha256  hex SHA-256 of the source file's bytes
     * @param columns the columns in file order; all of the same size and with distinct names
     */
    public Dataset(final String source, final String sha256, final List<Column> columns) {
        this.source = Objects.requireNonNull(source, "source");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        Map<String, Column> byName = new LinkedHashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column column : columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException("Column " + column.name() + " has " + column.size()
                        + " rows, expected " + rows);
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("Duplicate column " + column.name());
            }
        }
        this.rowCount = rows;
        this.columns = Collections.unmodifiableMap(byName);
    }

    public String source() {
        return source;
    }

    public String sha256() {
        return sha256;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Column names in file order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Columns in file order. */
    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public Optional<Column> find(final String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /**
     * The column with this name.
     *
     * @throws InputException naming the file and listing the columns that exist
     */
    public Column column(final String name) throws InputException {
        Column column = columns.get(name);
        if (column == null) {
            throw new InputException(String.format("%s has no column '%s'. Columns: %s. Check the column name "
                    + "(it is case-sensitive).", source, name, String.join(", ", columns.keySet())));
        }
        return column;
    }

    /** The columns with these names, in the given order. */
    public List<Column> columns(final List<String> names) throws InputException {
        List<Column> selected = new ArrayList<>(names.size());
        for (String name : names) {
            selected.add(column(name));
        }
        return selected;
    }

    /** All columns except the named ones, in file order. */
    public List<Column> columnsExcept(final String... excluded) {
        List<String> skip = List.of(excluded);
        List<Column> selected = new ArrayList<>();
        for (Column column : columns.values()) {
            if (!skip.contains(column.name())) {
                selected.add(column);
            }
        }
        return selected;
    }

    /** The rows {@code [from, to)} as a new data set with the same source and digest. */
    public Dataset rows(final int from, final int to) {
        List<Column> sliced = new ArrayList<>(columns.size());
        for (Column column : columns.values()) {
            sliced.add(column.slice(from, to));
        }
        return new Dataset(source, sha256, sliced);
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ", " + rowCount + " rows, " + columns.size() + " columns]";
    }
}
