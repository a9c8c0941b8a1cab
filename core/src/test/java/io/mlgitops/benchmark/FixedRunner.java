package io.mlgitops.benchmark;

import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;

import java.util.List;
import java.util.Map;

/** A runner that returns fixed predictions, for tests of the orchestration; it records whether it was closed. */
final class FixedRunner implements ModelRunner {
    private final String reference;
    private final ModelOutput output;
    private boolean closed;

    FixedRunner(final String reference, final ModelOutput output) {
        this.reference = reference;
        this.output = output;
    }

    @Override
    public ModelDescription description() {
        return new ModelDescription(reference, "predictions", List.of(), Map.of());
    }

    @Override
    public ModelOutput predict(final Dataset dataset, final PredictionRequest request,
            final ProgressListener progress) {
        return output;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
