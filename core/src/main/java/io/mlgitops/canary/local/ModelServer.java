package io.mlgitops.canary.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.canary.Faults;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.inference.ProbabilityTable;
import io.mlgitops.net.JsonBodies;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One variant's model server on a free loopback port: {@code POST /invocations} predicts the rows of a
 * {@link RowsRequest} with the model runner, and {@code GET /metrics} exports the server's counters
 * ({@link Exposition}). Injected faults delay every request and answer a share of them with HTTP 500, spread evenly
 * (with error rate {@code r}, request {@code n} fails when {@code floor((n + 1) r) > floor(n r)}).
 */
final class ModelServer implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int THREADS = 32;

    private final LoopbackServer http;
    private final ServerLabels labels;
    private final ModelRunner runner;
    private final PredictionRequest request;
    private final ServerMetrics metrics;
    private final AtomicLong faultCounter = new AtomicLong();
    private volatile Faults faults = Faults.NONE;

    private ModelServer(final LoopbackServer http, final ServerLabels labels, final ModelRunner runner,
            final PredictionRequest request, final ServerMetrics metrics) {
        this.http = http;
        this.labels = labels;
        this.runner = runner;
        this.request = request;
        this.metrics = metrics;
    }

    /**
     * @param request how request rows feed the model (its target is ignored: requests carry labels apart)
     * @throws InputException when no loopback port can be bound
     */
    static ModelServer start(final ServerLabels labels, final ModelRunner runner, final PredictionRequest request,
            final Optional<long[]> driftReference) throws InputException {
        LoopbackServer http = LoopbackServer.bind(labels.variant().label() + " model server", THREADS);
        ModelServer server = new ModelServer(http, labels, runner,
                new PredictionRequest(null, request.features(), request.batchSize(), request.threads()),
                new ServerMetrics(driftReference));
        http.start(Map.of("/invocations", server::invocations, "/metrics", server::scrape));
        return server;
    }

    URI uri(final String path) {
        return http.uri(path);
    }

    void inject(final Faults newFaults) {
        this.faults = newFaults;
    }

    MetricsSnapshot snapshot(final Instant time) {
        return metrics.snapshot(time);
    }

    private void invocations(final HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Answer answer = answer(exchange.getRequestMethod(), body);
            metrics.recordRequest(answer.status(), (System.nanoTime() - start) / 1e6);
            LoopbackServer.send(exchange, answer.status(), "application/json", answer.body());
        }
    }

    private record Answer(int status, byte[] body) {
        static Answer error(final int status, final String message) {
            return new Answer(status, JsonBodies.write(Map.of("error", message)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Answer answer(final String method, final byte[] body) {
        if (!"POST".equals(method)) {
            return Answer.error(405, "POST the rows to /invocations");
        }
        Faults current = faults;
        if (!current.extraLatency().isZero() && !pause(current)) {
            return Answer.error(503, "interrupted");
        }
        if (failsNext(current.errorRate())) {
            return Answer.error(500, "injected fault");
        }
        try {
            RowsRequest rows = RowsRequest.parse(body, "request to " + labels.workload());
            ModelOutput output = runner.predict(rows.rows(), request, ProgressListener.NONE);
            metrics.recordPredictions(output, rows.labels());
            return new Answer(200, predictions(output));
        }
        catch (InputException badRows) {
            return Answer.error(400, badRows.getMessage());
        }
        catch (RuntimeException | MlGitOpsException failure) {
            return Answer.error(500, failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
    }

    private static boolean pause(final Faults current) {
        try {
            Thread.sleep(current.extraLatency().toMillis(), current.extraLatency().toNanosPart() % 1_000_000);
            return true;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean failsNext(final double errorRate) {
        if (errorRate <= 0) {
            return false;
        }
        long n = faultCounter.getAndIncrement();
        return Math.floor((n + 1) * errorRate) > Math.floor(n * errorRate);
    }

    private static byte[] predictions(final ModelOutput output) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeArrayFieldStart("predictions");
            for (int row = 0; row < output.predictions().size(); row++) {
                JsonCells.write(json, output.predictions(), row);
            }
            json.writeEndArray();
            if (output.probabilities().isPresent()) {
                writeProbabilities(json, output.probabilities().get());
            }
            json.writeEndObject();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static void writeProbabilities(final JsonGenerator json, final ProbabilityTable probabilities)
            throws IOException {
        json.writeArrayFieldStart("probabilities");
        for (int row = 0; row < probabilities.rows(); row++) {
            json.writeStartArray();
            if (probabilities.isPerClass()) {
                for (int k = 0; k < probabilities.classLabels().size(); k++) {
                    json.writeNumber(probabilities.column(k)[row]);
                }
            }
            else {
                json.writeNumber(probabilities.positive()[row]);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private void scrape(final HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().close();
            byte[] text = Exposition.write(labels, metrics.snapshot(Instant.now()))
                    .getBytes(StandardCharsets.UTF_8);
            LoopbackServer.send(exchange, 200, Exposition.CONTENT_TYPE, text);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
