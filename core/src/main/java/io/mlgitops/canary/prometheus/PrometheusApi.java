package io.mlgitops.canary.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpCredentials;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.JsonBodies;
import io.mlgitops.net.ServerMessages;
import io.mlgitops.net.Urls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Prometheus' query API ({@code GET /api/v1/query} and {@code /api/v1/query_range}) for queries that aggregate to
 * one number. Every error names the check, the URL (without secrets) and the query.
 */
final class PrometheusApi {
    private final URI base;
    private final HttpExecutor http;
    private final HttpCredentials credentials;

    PrometheusApi(final URI base, final HttpExecutor http, final HttpCredentials credentials) {
        this.base = base;
        this.http = http;
        this.credentials = credentials;
    }

    /**
     * The value of an instant query at {@code time}: empty when the answer has no series; NaN when Prometheus
     * computed NaN (for example 0/0 without traffic).
     */
    OptionalDouble instant(final String check, final String query, final Instant time) throws InputException {
        URI uri = Urls.resolve(base, "/api/v1/query", Urls.query("query", query, "time", seconds(time)));
        JsonNode data = call(check, query, uri);
        JsonNode result = data.path("result");
        switch (data.path("resultType").asText()) {
            case "scalar":
                return OptionalDouble.of(sample(result.path(1), check, query, uri));
            case "vector":
                if (result.size() == 0) {
                    return OptionalDouble.empty();
                }
                requireOneSeries(result, check, query, uri);
                return OptionalDouble.of(sample(result.path(0).path("value").path(1), check, query, uri));
            default:
                throw new InputException(String.format("Prometheus at %s answered the query of check '%s' with a %s; "
                        + "expected one number (a scalar or one series). Write the query as an instant vector, "
                        + "aggregated to one series: %s", Urls.redact(uri), check, data.path("resultType").asText(),
                        query));
        }
    }

    /** The values of a range query from {@code start} to {@code end} every {@code step}, NaN points left out. */
    List<Double> range(final String check, final String query, final Instant start, final Instant end,
            final Duration step) throws InputException {
        URI uri = Urls.resolve(base, "/api/v1/query_range", Urls.query("query", query, "start", seconds(start),
                "end", seconds(end), "step", seconds(step.toMillis())));
        JsonNode result = call(check, query, uri).path("result");
        List<Double> values = new ArrayList<>();
        if (result.size() == 0) {
            return values;
        }
        requireOneSeries(result, check, query, uri);
        for (JsonNode point : result.path(0).path("values")) {
            double value = sample(point.path(1), check, query, uri);
            if (!Double.isNaN(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private JsonNode call(final String check, final String query, final URI uri) throws InputException {
        HttpRequest request = credentials.apply(http.request(uri).GET().header("Accept", "application/json"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (InputException unreachable) {
            throw new InputException(String.format("%s Query of check '%s': %s", unreachable.getMessage(), check,
                    query), unreachable);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new InputException(credentials.explainRefusal(status, Urls.redact(uri), "read access to the "
                    + "query API") + " Query of check '" + check + "': " + query);
        }
        JsonNode body = JsonBodies.parse(response.body());
        if (status == 200 && "success".equals(body.path("status").asText())) {
            return body.path("data");
        }
        if (status == 400 || status == 422) {
            throw new InputException(String.format("Prometheus at %s refused the query of check '%s' (%s: %s). Fix "
                    + "the PromQL: %s", Urls.redact(uri), check, body.path("errorType").asText("HTTP " + status),
                    ServerMessages.summarize(response.body()), query));
        }
        throw new InputException(String.format("Prometheus at %s answered the query of check '%s' with HTTP %d (%s)."
                + " Check that the URL points at Prometheus and that it is healthy. Query: %s", Urls.redact(uri),
                check, status, ServerMessages.summarize(response.body()), query));
    }

    private static void requireOneSeries(final JsonNode result, final String check, final String query,
            final URI uri) throws InputException {
        if (result.size() > 1) {
            throw new InputException(String.format("Prometheus at %s answered the query of check '%s' with %d series "
                    + "(%s, %s, ...); expected one. Aggregate the query to one series, e.g. with sum(...): %s",
                    Urls.redact(uri), check, result.size(), result.get(0).path("metric"),
                    result.get(1).path("metric"), query));
        }
    }

    /** A sample value as Prometheus writes it: a decimal, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    private static double sample(final JsonNode value, final String check, final String query, final URI uri)
            throws InputException {
        String text = value.asText("");
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                }
                catch (NumberFormatException notANumber) {
                    throw new InputException(String.format("Prometheus at %s answered the query of check '%s' with "
                            + "the value '%s', not a number. Query: %s", Urls.redact(uri), check, text, query));
                }
        }
    }

    private static String seconds(final Instant time) {
        return String.format(Locale.ROOT, "%d.%03d", time.getEpochSecond(), time.getNano() / 1_000_000);
    }

    private static String seconds(final long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }
}
