package io.mlgitops.inference;

import io.mlgitops.data.Column;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's predictions for every row of a data set.
 *
 * @param predictions   predicted labels (classification; numbers for integer labels, text otherwise) or values
 *                      (regression), one per row
 * @param probabilities class probabilities when the model gives them
 * @param timings       the time of each inference call; empty when nothing was run (predictions files)
 */
public record ModelOutput(Column predictions, Optional<ProbabilityTable> probabilities, List<BatchTiming> timings) {
    public ModelOutput {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(probabilities, "probabilities");
        timings = List.copyOf(timings);
    }
}
