package io.mlgitops.gitops;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an Argo CD application's {@code spec.ignoreDifferences}: fields of matching resources that the
 * controller does not compare with git (for example traffic weights a canary controller changes).
 *
 * @param group                 the resources' API group (empty for the core group)
 * @param kind                  the resources' kind
 * @param name                  one resource's name, or empty for all
 * @param namespace             one resource's namespace, or empty for all
 * @param jsonPointers          RFC 6901 pointers of ignored fields
 * @param jqPathExpressions     jq paths of ignored fields
 * @param managedFieldsManagers field managers whose changes are ignored
 */
public record IgnoredDifference(String group, String kind, String name, String namespace, List<String> jsonPointers,
        List<String> jqPathExpressions, List<String> managedFieldsManagers) {
    public IgnoredDifference {
        group = Objects.requireNonNullElse(group, "");
        kind = Objects.requireNonNullElse(kind, "");
        name = Objects.requireNonNullElse(name, "");
        namespace = Objects.requireNonNullElse(namespace, "");
        jsonPointers = List.copyOf(jsonPointers);
        jqPathExpressions = List.copyOf(jqPathExpressions);
        managedFieldsManagers = List.copyOf(managedFieldsManagers);
    }
}
