package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;
import io.mlgitops.canary.KubernetesRoute.Backend;
import io.mlgitops.canary.RouteTargets;

import java.util.ArrayList;
import java.util.List;

/**
 * Weights kept in a list of backends, of which the router drives two: Istio route destinations, Gateway API
 * backendRefs, SMI backends. Both are rewritten on every change so that they sum to 100; any other backend in the list
 * must carry weight 0, or the split could not be what the router reports.
 */
final class ListLayout implements WeightLayout {
    private final String sections;
    private final String sectionNoun;
    private final String section;
    private final String entries;
    private final String noun;
    private final int defaultWeight;
    private final Naming naming;
    private final Backend stable;
    private final Backend canary;

    /**
     * @param sections      pointer of the list of sections ({@code /spec/http}), or {@code null} when the object has
     *                      one list of backends
     * @param entries       the key of the backend list in a section, or its pointer when there are no sections
     * @param defaultWeight the weight of a backend without one, as the API defines it
     */
    private ListLayout(final String sections, final String sectionNoun, final String section, final String entries,
            final String noun, final int defaultWeight, final Naming naming, final Backend stable,
            final Backend canary) {
        this.sections = sections;
        this.sectionNoun = sectionNoun;
        this.section = section;
        this.entries = entries;
        this.noun = noun;
        this.defaultWeight = defaultWeight;
        this.naming = naming;
        this.stable = stable;
        this.canary = canary;
    }

    /** {@code spec.http[].route[]} destinations, told apart by host and subset; a weight defaults to 0. */
    static ListLayout istio(final String route, final Backend stable, final Backend canary) {
        return new ListLayout("/spec/http", "HTTP route", route, "route", "destination", 0, new IstioNaming(),
                stable, canary);
    }

    /** {@code spec.rules[].backendRefs[]}, told apart by name; a weight defaults to 1. */
    static ListLayout gatewayApi(final String rule, final Backend stable, final Backend canary) {
        return new ListLayout("/spec/rules", "rule", rule, "backendRefs", "backendRef", 1, new KeyNaming("name"),
                stable, canary);
    }

    /** {@code spec.backends[]}, told apart by service. */
    static ListLayout smi(final Backend stable, final Backend canary) {
        return new ListLayout(null, null, null, "/spec/backends", "backend", 0, new KeyNaming("service"), stable,
                canary);
    }

    @Override
    public Split locate(final KubernetesObject object, final JsonNode current) throws InputException {
        String listPointer = entries;
        if (sections != null) {
            int index = Sections.find(object, sections, current.at(sections), section, sectionNoun);
            listPointer = sections + "/" + index + "/" + entries;
        }
        JsonNode list = current.at(listPointer);
        if (!list.isArray() || list.isEmpty()) {
            throw Fields.unexpected(object, listPointer, "is missing or empty", String.format("Add the stable and "
                    + "canary %ss there in git (the canary with weight 0).", noun));
        }
        int stableIndex = find(object, listPointer, list, stable, "stable");
        int canaryIndex = find(object, listPointer, list, canary, "canary");
        if (stableIndex == canaryIndex) {
            throw Fields.unexpected(object, listPointer + "/" + stableIndex, String.format("(%s) is both the stable "
                    + "and the canary %s", naming.label(list.get(stableIndex)), noun), String.format("Give the router "
                    + "two different %ss.", noun));
        }
        for (int i = 0; i < list.size(); i++) {
            if (i != stableIndex && i != canaryIndex) {
                int weight = field(object, listPointer, list, i).effective();
                if (weight != 0) {
                    throw Fields.unexpected(object, listPointer + "/" + i, String.format("(%s) carries weight %d but "
                            + "is neither the stable nor the canary %s", naming.label(list.get(i)), weight, noun),
                            String.format("The router drives exactly two %ss: remove the others from git or give "
                                    + "them weight 0.", noun));
                }
            }
        }
        return new Split(field(object, listPointer, list, stableIndex), field(object, listPointer, list,
                canaryIndex));
    }

    @Override
    public RouteTargets targets(final String namespace, final JsonNode current) {
        return new RouteTargets(namespace, naming.workload(stable, canary), naming.workload(canary, stable));
    }

    private int find(final KubernetesObject object, final String listPointer, final JsonNode list,
            final Backend backend, final String variant) throws InputException {
        List<Integer> matching = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            labels.add(naming.label(list.get(i)));
            if (naming.matches(list.get(i), backend)) {
                matching.add(i);
            }
        }
        if (matching.isEmpty()) {
            throw Fields.unexpected(object, listPointer, String.format("has no %s %s (it has: %s)", noun,
                    backend.describe(), String.join(", ", labels)), String.format("Check the %s %s given to the "
                    + "router, or add it there in git (the canary with weight 0).", variant, noun));
        }
        if (matching.size() > 1) {
            throw Fields.unexpected(object, listPointer, String.format("has %d %ss that match %s (%s)",
                    matching.size(), noun, backend.describe(), String.join(", ", matching.stream()
                            .map(labels::get).toList())), String.format("Name the %s %s so that only one matches "
                    + "(an Istio destination with its subset).", variant, noun));
        }
        return matching.get(0);
    }

    private WeightField field(final KubernetesObject object, final String listPointer, final JsonNode list,
            final int index) throws InputException {
        String pointer = listPointer + "/" + index + "/weight";
        Integer written = Fields.integer(object, list.get(index).path("weight"), pointer);
        return new WeightField(pointer, written, written == null ? defaultWeight : written);
    }

    /** How backends are named in one kind of list. */
    private interface Naming {
        /** The backend in messages. */
        String label(JsonNode entry);

        boolean matches(JsonNode entry, Backend backend);

        /** The default workload name of {@code backend} for metric queries. */
        default String workload(final Backend backend, final Backend other) {
            return backend.name();
        }
    }

    /** Backends named by one key ({@code name}, {@code service}). */
    private record KeyNaming(String key) implements Naming {
        @Override
        public String label(final JsonNode entry) {
            return Fields.text(entry.path(key));
        }

        @Override
        public boolean matches(final JsonNode entry, final Backend backend) {
            return backend.name().equals(label(entry));
        }
    }

    /**
     * Istio destinations: a host (a short name matches the fully qualified host that starts with it) and an optional
     * subset. The workload is the host's first label; when both variants share a host, that label and the subset.
     */
    private static final class IstioNaming implements Naming {
        @Override
        public String label(final JsonNode entry) {
            String subset = Fields.text(entry.path("destination").path("subset"));
            return Fields.text(entry.path("destination").path("host")) + (subset.isEmpty() ? "" : " subset "
                    + subset);
        }

        @Override
        public boolean matches(final JsonNode entry, final Backend backend) {
            String host = Fields.text(entry.path("destination").path("host"));
            String subset = Fields.text(entry.path("destination").path("subset"));
            boolean sameHost = host.equals(backend.name()) || !backend.name().contains(".")
                    && host.startsWith(backend.name() + ".");
            return sameHost && (backend.subset() == null || backend.subset().equals(subset));
        }

        @Override
        public String workload(final Backend backend, final Backend other) {
            String shortName = shortName(backend.name());
            if (shortName.equals(shortName(other.name())) && backend.subset() != null) {
                return shortName + "-" + backend.subset();
            }
            return shortName;
        }

        private static String shortName(final String host) {
            int dot = host.indexOf('.');
            return dot < 0 ? host : host.substring(0, dot);
        }
    }
}
