package io.mlgitops.inference;

import io.mlgitops.api.errors.InputException;
import io.mlgitops.api.spi.SecretSource;
import io.mlgitops.inference.http.HttpModelRunner;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.HttpSettings;

import java.net.URI;

/**
 * Creates runners for models served over the network.
 */
public final class RemoteModelRunners {
    private RemoteModelRunners() {
    }

    /**
     * A model behind an HTTP endpoint (the {@code http:URL} model reference). The URL's path chooses the protocol:
     * <ul>
     *     <li>{@code .../invocations}: an MLflow scoring server ({@code mlflow models serve}); rows are sent as
     *     {@code dataframe_split}, or as an {@code inputs} tensor to models with a tensor signature;</li>
     *     <li>{@code .../v2/models/NAME}, optionally followed by {@code /versions/VERSION} and {@code /infer}: the
     *     Open Inference Protocol (KServe V2, Triton, MLServer); inputs are chosen from the model's metadata.</li>
     * </ul>
     * Credentials: HTTP Basic from {@code MLGITOPS_HTTP_USERNAME} and {@code MLGITOPS_HTTP_PASSWORD}, else the bearer
     * token {@code MLGITOPS_HTTP_TOKEN}, read from {@code secrets}.
     *
     * @param endpoint  the URL (without the {@code http:} prefix of the reference)
     * @param reference the reference as the user wrote it, for reports
     * @param settings  timeouts and retries; the request timeout applies to each batch
     * @throws InputException when the URL fits neither protocol or carries credentials
     */
    public static ModelRunner http(final URI endpoint, final String reference, final HttpSettings settings,
            final SecretSource secrets) throws InputException {
        return HttpModelRunner.create(endpoint, reference, new HttpExecutor(settings, HttpModelRunner.UNREACHABLE_HINT),
                secrets);
    }
}
