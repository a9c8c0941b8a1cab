package io.jenkins.plugins.mlgitops.steps.engine;

import java.util.ArrayList;
import java.util.List;

/** How step parameters are normalised: blank text means "not given", blank list entries are dropped. */
final class Values {
    private Values() {
    }

    static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A serializable copy without blank entries; an empty list for {@code null}. */
    static ArrayList<String> list(final List<String> values) {
        ArrayList<String> copy = new ArrayList<>();
        if (values != null) {
            values.stream().filter(value -> value != null && !value.isBlank()).map(String::trim).forEach(copy::add);
        }
        return copy;
    }
}
