package io.mlgitops.canary.local;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.data.Column;
import io.mlgitops.data.CsvReader;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.LocalModelRunners;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.testing.TestEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The churn example for the local servers' tests: test.csv, its models, and their predictions as computed by ONNX
 * Runtime when the examples were made ({@code <model>-onnx-predictions.csv}, row-aligned with test.csv).
 */
final class Churn {
    static final String TARGET = "churned";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Churn() {
    }

    static Dataset rows() throws InputException {
        return CsvReader.read(TestEnvironment.example("churn/test.csv"));
    }

    /** @param model {@code champion}, {@code candidate} or {@code candidate-degraded} */
    static ModelRunner runner(final String model) throws InputException {
        return LocalModelRunners.onnx(TestEnvironment.example("churn/" + model + ".onnx"), "onnx:" + model, 1);
    }

    /** Columns {@code prediction}, {@code probability_0}, {@code probability_1}. */
    static Dataset predictions(final String model) throws InputException {
        return CsvReader.read(TestEnvironment.example("churn/" + model + "-onnx-predictions.csv"));
    }

    /** Posts row {@code row} of {@code rows} with its label, as the traffic replay does. */
    static HttpResponse<String> post(final URI invocations, final Dataset rows, final int row) throws InputException {
        List<Column> features = rows.columnsExcept(TARGET);
        return post(invocations, RowsRequest.body(features, rows.column(TARGET), row));
    }

    static HttpResponse<String> post(final URI invocations, final byte[] body) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(invocations).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
