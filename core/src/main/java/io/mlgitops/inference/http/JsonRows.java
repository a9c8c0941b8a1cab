package io.mlgitops.inference.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;

import java.io.IOException;
import java.util.List;

/**
 * Writes data-set cells as JSON values: numbers (without a fraction in integral columns, so that a float column
 * stays float in every batch), text as strings, missing values as {@code null}.
 */
final class JsonRows {
    private JsonRows() {
    }

    /** Writes {@code [[row], [row], ...]} for rows {@code [from, to)} of the columns. */
    static void writeRows(final JsonGenerator json, final List<Column> columns, final int from, final int to)
            throws IOException {
        json.writeStartArray();
        for (int row = from; row < to; row++) {
            json.writeStartArray();
            for (Column column : columns) {
                writeCell(json, column, row);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    static void writeCell(final JsonGenerator json, final Column column, final int row) throws IOException {
        if (column.isMissing(row)) {
            json.writeNull();
        }
        else if (column instanceof NumericColumn numeric) {
            if (numeric.isIntegral() && Math.abs(numeric.get(row)) < 1e15) {
                json.writeNumber((long) numeric.get(row));
            }
            else {
                json.writeNumber(numeric.get(row));
            }
        }
        else {
            json.writeString(column.text(row));
        }
    }
}
