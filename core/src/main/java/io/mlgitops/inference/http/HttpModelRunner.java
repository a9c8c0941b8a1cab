package io.mlgitops.inference.http;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.errors.MlGitOpsException;
import io.mlgitops.api.spi.ProgressListener;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.data.Column;
import io.mlgitops.data.Dataset;
import io.mlgitops.inference.BatchTiming;
import io.mlgitops.inference.ModelDescription;
import io.mlgitops.inference.ModelOutput;
import io.mlgitops.inference.ModelRunner;
import io.mlgitops.inference.PredictionRequest;
import io.mlgitops.net.HttpCredentials;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A model behind an HTTP endpoint, asked for predictions in batches of {@link PredictionRequest#batchSize()} rows.
 * The URL's path chooses the protocol: {@code .../invocations} is the MLflow scoring server
 * ({@link PyfuncProtocol}); {@code .../v2/models/NAME}, optionally with {@code /versions/VERSION} and
 * {@code /infer}, is the Open Inference Protocol ({@link OpenInferenceProtocol}).
 */
public final class HttpModelRunner implements ModelRunner {
    /** What to check when the endpoint cannot be reached. */
    public static final String UNREACHABLE_HINT =
            "Is the model server running? Check the URL of the http: model reference.";

    private final String reference;
    private final URI endpoint;
    private final InferenceProtocol protocol;

    private HttpModelRunner(final String reference, final URI endpoint, final InferenceProtocol protocol) {
        this.reference = reference;
        this.endpoint = endpoint;
        this.protocol = protocol;
    }

    /**
     * @param endpoint  {@code http(s)://host:port/.../invocations} or {@code http(s)://host:port/.../v2/models/NAME}
     * @param reference the reference as the user wrote it, for the description
     * @param executor  timeouts and retries
     * @param secrets   HTTP Basic credentials from {@code MLGITOPS_HTTP_USERNAME}/{@code MLGITOPS_HTTP_PASSWORD},
     *                  else a bearer token from {@code MLGITOPS_HTTP_TOKEN}
     * @throws InputException when the URL is not an http(s) URL of one of the two protocols
     */
    public static HttpModelRunner create(final URI endpoint, final String reference, final HttpExecutor executor,
            final SecretSource secrets) throws InputException {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || endpoint.getHost() == null
                || endpoint.getRawUserInfo() != null) {
            throw new InputException(String.format("'%s' is not an http(s) URL without credentials. Write "
                    + "http:http://HOST:PORT/invocations or http:http://HOST:PORT/v2/models/NAME, and give "
                    + "credentials in MLGITOPS_HTTP_USERNAME/MLGITOPS_HTTP_PASSWORD or MLGITOPS_HTTP_TOKEN.",
                    Urls.redact(endpoint)));
        }
        Transport transport = new Transport(executor, HttpCredentials.from(secrets, "MLGITOPS_HTTP_USERNAME",
                "MLGITOPS_HTTP_PASSWORD", "MLGITOPS_HTTP_TOKEN"));
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (path.endsWith("/invocations")) {
            return new HttpModelRunner(reference, endpoint, new PyfuncProtocol(endpoint, transport));
        }
        Optional<URI> model = OpenInferenceProtocol.modelUrl(endpoint);
        if (model.isPresent()) {
            return new HttpModelRunner(reference, endpoint, new OpenInferenceProtocol(model.get(), transport));
        }
        throw new InputException(String.format("Cannot tell the protocol of %s: the path must end with /invocations "
                + "(MLflow scoring server) or /v2/models/NAME[/infer] (Open Inference Protocol).",
                Urls.redact(endpoint)));
    }

    @Override
    public ModelDescription description() {
        return new ModelDescription(reference, "http", List.of(), protocol.details());
    }

    @Override
    public ModelOutput predict(final Dataset dataset, final PredictionRequest request,
            final ProgressListener progress) throws MlGitOpsException {
        List<Column> features = request.features().isEmpty()
                ? request.target() == null ? dataset.columns() : dataset.columnsExcept(request.target())
                : dataset.columns(request.features());
        if (features.isEmpty()) {
            throw new InputException(String.format("%s has no feature columns to send to %s (target '%s').",
                    dataset.source(), Urls.redact(endpoint), request.target()));
        }
        int rows = dataset.rowCount();
        PredictionCollector collector = new PredictionCollector(Urls.redact(endpoint), rows);
        List<BatchTiming> timings = new ArrayList<>();
        if (rows > 0) {
            protocol.prepare(dataset, features);
        }
        int batches = (rows + request.batchSize() - 1) / request.batchSize();
        int reportEvery = Math.max(1, batches / 10);
        for (int batch = 0; batch < batches; batch++) {
            int from = batch * request.batchSize();
            int to = Math.min(rows, from + request.batchSize());
            String span = String.format("rows %d-%d", from + 1, to);
            long started = System.nanoTime();
            List<NamedOutput> outputs = protocol.predict(from, to, span);
            long elapsed = System.nanoTime() - started;
            String where = Urls.redact(endpoint) + " (" + span + ")";
            collector.add(from, OutputSelection.select(outputs, to - from, where), where);
            timings.add(new BatchTiming(to - from, elapsed));
            if ((batch + 1) % reportEvery == 0 || batch + 1 == batches) {
                progress.info(String.format("%s: %d of %d rows predicted", reference, to, rows));
            }
        }
        return collector.finish(timings, progress);
    }

    @Override
    public void close() {
        // HTTP connections are pooled by the JDK client and need no release
    }
}
