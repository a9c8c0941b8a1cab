package io.mlgitops.canary;

import java.util.List;
import java.util.Objects;

/**
 * The Kubernetes object a direct router patches, and where its weights are.
 *
 * @param group          the API group, e.g. {@code networking.istio.io}
 * @param version        the API version the router uses, e.g. {@code v1}
 * @param kind           the kind, e.g. {@code VirtualService}
 * @param namespace      the object's namespace
 * @param name           the object's name
 * @param weightPointers RFC 6901 pointers of the fields the router writes, in the object's layout as last read, e.g.
 *                       {@code /spec/http/0/route/1/weight}
 */
public record RoutedObject(String group, String version, String kind, String namespace, String name,
        List<String> weightPointers) {
    public RoutedObject {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        weightPointers = List.copyOf(weightPointers);
    }

    /** {@code group/version}, as in the object's {@code apiVersion}. */
    public String apiVersion() {
        return group + "/" + version;
    }
}
