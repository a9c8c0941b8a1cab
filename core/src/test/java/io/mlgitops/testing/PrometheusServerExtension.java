package io.mlgitops.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.List;

/**
 * Owns a test class's {@link PrometheusServer}: register it as a static field with
 * {@code @RegisterExtension}, start the servers to scrape in {@code @BeforeAll}, then call {@link #start}; the
 * server stops after the class. Without the Prometheus binary the tests fail in CI and are skipped elsewhere.
 */
public final class PrometheusServerExtension implements AfterAllCallback {
    private PrometheusServer server;

    /**
     * Starts Prometheus scraping these {@code /metrics} URLs every second, once every target is up.
     *
     * @throws IllegalStateException when this class's server has been started already
     */
    public PrometheusServer start(final List<URI> targets) {
        if (server != null) {
            throw new IllegalStateException("Prometheus is running already at " + server.uri());
        }
        server = PrometheusServer.start(targets);
        return server;
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
