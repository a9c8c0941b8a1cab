package io.mlgitops.inference.http;

import io.mlgitops.api.errors.InputException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which outputs of a model hold the predicted labels (or values) and the class probabilities.
 *
 * <p>Probabilities: an output whose rows are objects (class to probability, as a ZipMap gives) or arrays of several
 * numbers, preferring a name containing {@code prob}. Labels: an output with one scalar per row, preferring a name
 * containing {@code label}, then {@code predict}, then the first. Without a label output the labels are the most
 * probable classes.</p>
 *
 * @param labels        the label output, if any
 * @param probabilities the probability output, if any
 */
record OutputSelection(Optional<NamedOutput> labels, Optional<NamedOutput> probabilities) {
    /**
     * @param outputs the outputs of one batch
     * @param rows    the rows of the batch; every selected output must have that many
     * @param where   the URL and rows, for messages
     */
    static OutputSelection select(final List<NamedOutput> outputs, final int rows, final String where)
            throws InputException {
        Optional<NamedOutput> probabilities = pick(outputs,
                output -> output.shape() == NamedOutput.Shape.VECTOR || output.shape() == NamedOutput.Shape.MAP,
                "prob", "prob");
        Optional<NamedOutput> labels = pick(outputs, output -> output.shape() == NamedOutput.Shape.SCALAR,
                "label", "predict");
        if (labels.isEmpty() && probabilities.isEmpty()) {
            throw new InputException(String.format("%s returned no output with one label, value or probability row "
                    + "per input row. Outputs: %s.", where, outputs.isEmpty() ? "none" : outputs.stream()
                    .map(output -> output.name() + " (" + output.shape().name().toLowerCase(Locale.ROOT) + ")")
                    .collect(Collectors.joining(", "))));
        }
        for (Optional<NamedOutput> output : List.of(labels, probabilities)) {
            if (output.isPresent() && output.get().rows().size() != rows) {
                throw new InputException(String.format("%s returned %d values in output '%s' for %d rows; the "
                        + "server must answer one per row.", where, output.get().rows().size(), output.get().name(),
                        rows));
            }
        }
        return new OutputSelection(labels, probabilities);
    }

    private static Optional<NamedOutput> pick(final List<NamedOutput> outputs, final Predicate<NamedOutput> shape,
            final String firstChoice, final String secondChoice) {
        List<NamedOutput> candidates = outputs.stream().filter(shape).toList();
        return candidates.stream().filter(named(firstChoice)).findFirst()
                .or(() -> candidates.stream().filter(named(secondChoice)).findFirst())
                .or(() -> candidates.stream().findFirst());
    }

    private static Predicate<NamedOutput> named(final String part) {
        return output -> output.name().toLowerCase(Locale.ROOT).contains(part);
    }
}
