package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.KubernetesRoute;
import io.mlgitops.canary.KubernetesTrafficRouter;
import io.mlgitops.canary.RolloutStateStore;
import io.mlgitops.canary.RouteTargets;
import io.mlgitops.canary.RoutedObject;

import java.util.Objects;

/**
 * Drives the weights of a routed object through the Kubernetes API (router mode {@code direct}). Every call reads
 * the object afresh; a weight change is one JSON Patch of the weight fields only, conditional on the version read,
 * and recomputed after a conflict. Setting the weight the object already has writes nothing.
 */
final class DirectRouter implements KubernetesTrafficRouter {
    private final KubernetesObject object;
    private final WeightLayout layout;
    private final KubernetesRoute route;
    private final AnnotationStateStore stateStore;
    private volatile JsonNode current;
    private volatile Split split;

    private DirectRouter(final KubernetesObject object, final WeightLayout layout, final KubernetesRoute route,
            final JsonNode current, final Split split) {
        this.object = object;
        this.layout = layout;
        this.route = route;
        this.stateStore = new AnnotationStateStore(object);
        this.current = current;
        this.split = split;
    }

    /**
     * Reads the object and checks its shape, so that a wrong name or layout fails before the rollout starts.
     *
     * @throws InputException when the object is missing, cannot be read, or has no weights where the layout expects
     *                        them; the object's connection is closed then
     */
    static DirectRouter open(final KubernetesObject object, final WeightLayout layout, final KubernetesRoute route)
            throws InputException {
        try {
            JsonNode read = object.read();
            return new DirectRouter(object, layout, route, read, layout.locate(object, read));
        }
        catch (InputException failure) {
            object.close();
            throw failure;
        }
    }

    @Override
    public String description() {
        return object.description();
    }

    /** The route's workload overrides, else the layout's defaults from the object as last read. */
    @Override
    public RouteTargets targets() {
        RouteTargets defaults = layout.targets(object.namespace(), current);
        return new RouteTargets(object.namespace(), Objects.requireNonNullElse(route.stableWorkload(),
                defaults.stable()), Objects.requireNonNullElse(route.canaryWorkload(), defaults.canary()));
    }

    @Override
    public int weight() throws InputException {
        JsonNode read = object.read();
        Split found = layout.locate(object, read);
        remember(read, found);
        return found.share();
    }

    @Override
    public void setWeight(final int canaryWeight) throws InputException {
        if (canaryWeight < 0 || canaryWeight > 100) {
            throw new IllegalArgumentException("canaryWeight must be 0 to 100: " + canaryWeight);
        }
        JsonNode updated = object.modify(read -> layout.locate(object, read).operations(canaryWeight));
        remember(updated, layout.locate(object, updated));
    }

    @Override
    public RolloutStateStore stateStore() {
        return stateStore;
    }

    @Override
    public RoutedObject routedObject() {
        ResourceKind kind = object.kind();
        return new RoutedObject(kind.group(), object.version(), kind.kind(), object.namespace(), object.name(),
                split.pointers());
    }

    @Override
    public void close() {
        object.close();
    }

    private void remember(final JsonNode read, final Split found) {
        current = read;
        split = found;
    }
}
