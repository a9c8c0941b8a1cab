package io.mlgitops.canary.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * Starts fabric8's mock API server for each test, in CRUD mode with scripted answers taking precedence, and sets it
 * as a {@link MockCluster} into the test's field of that type (before the test's own {@code @BeforeEach} methods).
 */
final class MockClusterExtension implements BeforeEachCallback, AfterEachCallback {
    private static final Namespace STORE = Namespace.create(MockClusterExtension.class);

    @Override
    public void beforeEach(final ExtensionContext context) throws IllegalAccessException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        MockCluster cluster = new MockCluster(server);
        context.getStore(STORE).put(MockCluster.class, cluster);
        Object test = context.getRequiredTestInstance();
        for (Field field : test.getClass().getDeclaredFields()) {
            if (field.getType() == MockCluster.class) {
                field.setAccessible(true);
                field.set(test, cluster);
            }
        }
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        context.getStore(STORE).get(MockCluster.class, MockCluster.class).close();
    }
}
