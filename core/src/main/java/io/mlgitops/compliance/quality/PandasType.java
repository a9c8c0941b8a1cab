package io.mlgitops.compliance.quality;

import io.mlgitops.data.Column;
import io.mlgitops.data.NumericColumn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The dtype pandas gives a CSV column, which Great Expectations' type expectations check: whole numbers with no
 * missing value are int64, other numbers float64, text str. Each accepts the type names numpy and Python give it.
 */
enum PandasType {
    INT64("int64", Set.of("int64", "int", "long")),
    FLOAT64("float64", Set.of("float64", "float", "double")),
    STR("str", Set.of("str", "string", "object"));

    private final String dtype;
    private final Set<String> names;

    PandasType(final String dtype, final Set<String> names) {
        this.dtype = dtype;
        this.names = names;
    }

    String dtype() {
        return dtype;
    }

    static PandasType of(final Column column) {
        if (column instanceof NumericColumn numbers) {
            return numbers.isIntegral() && numbers.missingCount() == 0 ? INT64 : FLOAT64;
        }
        return STR;
    }

    /** The type a name means (case-insensitive), if any. */
    static Optional<PandasType> named(final String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.names.contains(lower)).findFirst();
    }

    /** Every accepted name, sorted, for messages. */
    static List<String> names() {
        return Arrays.stream(values()).flatMap(type -> type.names.stream()).sorted().toList();
    }
}
