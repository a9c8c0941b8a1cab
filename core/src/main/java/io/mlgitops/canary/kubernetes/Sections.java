package io.mlgitops.canary.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgitops.api.errors.InputException;

import java.util.ArrayList;
import java.util.List;

/** Finds the part of a routed object that routes: an Istio HTTP route or a Gateway API rule, by name or the first. */
final class Sections {
    private Sections() {
    }

    /**
     * The index of the section named {@code name} in {@code list}, or 0 for {@code name == null}.
     *
     * @param noun what a section is called in messages ({@code HTTP route}, {@code rule})
     * @throws InputException when the list is missing or empty, or has no section of that name
     */
    static int find(final KubernetesObject object, final String listPointer, final JsonNode list, final String name,
            final String noun) throws InputException {
        if (!list.isArray() || list.isEmpty()) {
            throw Fields.unexpected(object, listPointer, "is missing or empty", String.format("The router needs an "
                    + "%s with the stable and canary backends there; add one in git.", noun));
        }
        if (name == null) {
            return 0;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String found = Fields.text(list.get(i).path("name"));
            if (name.equals(found)) {
                return i;
            }
            names.add(found.isEmpty() ? "(unnamed)" : found);
        }
        throw Fields.unexpected(object, listPointer, String.format("has no %s named '%s' (it has: %s)", noun, name,
                String.join(", ", names)), String.format("Check the %s name given to the router.", noun));
    }
}
