package io.mlgitops.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.net.HttpExecutor;
import io.mlgitops.net.Urls;
import io.mlgitops.report.ReportLog;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/**
 * Calls the rollout's webhooks: an HTTP POST with a JSON payload, with the executor's timeouts and retries. Only the
 * pre-rollout hook can stop the rollout (it must answer 2xx); the others are told and their failures logged.
 */
final class Webhooks {
    private final Map<WebhookType, URI> hooks;
    private final HttpExecutor http;
    private final ReportLog log;

    Webhooks(final Map<WebhookType, URI> hooks, final HttpExecutor http, final ReportLog log) {
        this.hooks = hooks;
        this.http = http;
        this.log = log;
    }

    /**
     * @param fields extra payload fields (weight, outcome, reason)
     * @return whether the hook answered 2xx, or true when no hook of this type is configured
     */
    boolean call(final WebhookType type, final String candidate, final Instant time, final Map<String, Object> fields) {
        URI url = hooks.get(type);
        if (url == null) {
            return true;
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("type", type.id());
        payload.put("candidate", candidate);
        payload.put("time", time.toString());
        fields.forEach((key, value) -> payload.putPOJO(key, value));
        try {
            HttpRequest request = http.request(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload.toString())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean accepted = status >= 200 && status < 300;
            if (!accepted) {
                log.warning(String.format("The %s webhook %s answered HTTP %d.", type.id(), Urls.redact(url), status));
            }
            return accepted;
        }
        catch (InputException unreachable) {
            log.warning("The " + type.id() + " webhook failed: " + unreachable.getMessage());
            return false;
        }
    }
}
