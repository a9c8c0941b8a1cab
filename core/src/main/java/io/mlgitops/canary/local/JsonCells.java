package io.mlgitops.canary.local;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;

import java.io.IOException;

/** Writes a data-set cell as a JSON value: a number in its canonical text, a string, or {@code null} when missing. */
final class JsonCells {
    private JsonCells() {
    }

    static void write(final JsonGenerator json, final Column column, final int row) throws IOException {
        if (column.isMissing(row)) {
            json.writeNull();
        }
        else if (column instanceof NumericColumn) {
            json.writeNumber(column.text(row));
        }
        else {
            json.writeString(column.text(row));
        }
    }
}
