package io.mlgitops.canary;

import io.mlgitops.gitops.IgnoredDifference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an Argo CD application's {@code spec.ignoreDifferences} covers the weights a direct router writes, and the
 * entry to add when it does not.
 *
 * <p>An entry applies to the routed object when its group and kind are the object's (or {@code *}) and its name and
 * namespace are the object's or empty. It covers a weight field when one of its {@code jsonPointers} is the field or
 * a parent of it, when one of its {@code jqPathExpressions} is a plain path ({@code .spec.http[0].route},
 * {@code .spec.http[].route[].weight}, {@code .metadata.annotations["k"]}) that reaches it, or when its
 * {@code managedFieldsManagers} names {@value #FIELD_MANAGER}, the field manager of the routers' writes. Other jq
 * expressions ({@code select(...)}, pipes) are not evaluated here; an entry that relies on one may be reported as
 * missing when Argo CD would in fact ignore the field.
 *
 * <p>Ignoring alone stops the drift report and self-heal; a sync started for another change still applies git's
 * weights unless the application also has the sync option {@code RespectIgnoreDifferences=true}.
 */
public final class IgnoreDifferences {
    /** The field manager named in every change the direct routers make. */
    public static final String FIELD_MANAGER = "mlgitops";

    private static final String ANY = "*";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/~-]+");

    private IgnoreDifferences() {
    }

    /**
     * The entry still needed for {@code object}: its group, kind, name and namespace, and the pointers of the weight
     * fields that no entry of {@code ignored} covers; empty when all are covered.
     */
    public static Optional<IgnoredDifference> missing(final RoutedObject object,
            final List<IgnoredDifference> ignored) {
        List<IgnoredDifference> applicable = ignored.stream().filter(entry -> applies(entry, object)).toList();
        List<String> uncovered = object.weightPointers().stream()
                .filter(pointer -> applicable.stream().noneMatch(entry -> covers(entry, pointer))).toList();
        if (uncovered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IgnoredDifference(object.group(), object.kind(), object.name(), object.namespace(),
                uncovered, List.of(), List.of()));
    }

    /** The entry as an item of the YAML list {@code spec.ignoreDifferences}, for warnings and docs. */
    public static String yaml(final IgnoredDifference entry) {
        StringBuilder text = new StringBuilder();
        text.append("- group: ").append(scalar(entry.group())).append('\n');
        text.append("  kind: ").append(scalar(entry.kind())).append('\n');
        if (!entry.name().isEmpty()) {
            text.append("  name: ").append(scalar(entry.name())).append('\n');
        }
        if (!entry.namespace().isEmpty()) {
            text.append("  namespace: ").append(scalar(entry.namespace())).append('\n');
        }
        list(text, "jsonPointers", entry.jsonPointers());
        list(text, "jqPathExpressions", entry.jqPathExpressions());
        list(text, "managedFieldsManagers", entry.managedFieldsManagers());
        return text.toString();
    }

    private static void list(final StringBuilder text, final String key, final List<String> values) {
        if (!values.isEmpty()) {
            text.append("  ").append(key).append(":\n");
            values.forEach(value -> text.append("  - ").append(scalar(value)).append('\n'));
        }
    }

    private static String scalar(final String value) {
        if (PLAIN.matcher(value).matches() && !value.startsWith("-") && !value.startsWith("~")) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean applies(final IgnoredDifference entry, final RoutedObject object) {
        return matches(entry.group(), object.group()) && matches(entry.kind(), object.kind())
                && (entry.name().isEmpty() || entry.name().equals(object.name()))
                && (entry.namespace().isEmpty() || entry.namespace().equals(object.namespace()));
    }

    private static boolean matches(final String pattern, final String value) {
        return ANY.equals(pattern) || pattern.equals(value);
    }

    private static boolean covers(final IgnoredDifference entry, final String pointer) {
        if (entry.managedFieldsManagers().contains(FIELD_MANAGER)) {
            return true;
        }
        if (entry.jsonPointers().stream().anyMatch(ignored -> ignored.isEmpty() || pointer.equals(ignored)
                || pointer.startsWith(ignored + "/"))) {
            return true;
        }
        List<String> segments = segments(pointer);
        return entry.jqPathExpressions().stream().map(JqPath::steps)
                .anyMatch(path -> path.isPresent() && isPrefix(path.get(), segments));
    }

    private static List<String> segments(final String pointer) {
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** Whether each step of {@code path} matches the pointer's segment at its place. */
    private static boolean isPrefix(final List<String> path, final List<String> segments) {
        if (path.size() > segments.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            String step = path.get(i);
            boolean index = segments.get(i).chars().allMatch(Character::isDigit);
            if (!(step.equals(segments.get(i)) || step.equals(JqPath.ANY_INDEX) && index)) {
                return false;
            }
        }
        return true;
    }
}
