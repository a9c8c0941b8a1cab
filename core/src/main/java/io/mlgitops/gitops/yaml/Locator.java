package io.mlgitops.gitops.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Follows a {@link YamlPath} from a document's root. It never goes through an alias or a merge key ({@code <<}):
 * what it finds there belongs to an anchor that other places share, so the lookup stops and names the anchor.
 */
final class Locator {
    private static final String MERGE_KEY = "<<";

    private Locator() {
    }

    /**
     * What a lookup found.
     *
     * @param nodes   the node after each matched segment, the root first
     * @param problem why the lookup stopped early, or {@code null} when it found the node
     * @param missing whether it stopped only because a key, named item or index on the path does not exist
     */
    record Lookup(List<YamlNode> nodes, String problem, boolean missing) {
        boolean found() {
            return problem == null;
        }

        YamlNode node() {
            return nodes.get(nodes.size() - 1);
        }

        YamlNode parent() {
            return nodes.get(nodes.size() - 2);
        }
    }

    static Lookup find(final YamlNode root, final YamlPath path) {
        List<YamlNode> nodes = new ArrayList<>();
        nodes.add(root);
        List<YamlPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            YamlNode node = nodes.get(i);
            String where = i == 0 ? "the document root" : path.prefix(i).toString();
            if (node instanceof YamlNode.Alias alias) {
                return stop(nodes, throughAlias(where, alias, root), false);
            }
            YamlPath.Segment segment = segments.get(i);
            String problem;
            if (segment instanceof YamlPath.Key key) {
                problem = childByKey(node, key.name(), where, root, nodes);
            }
            else if (segment instanceof YamlPath.Index index) {
                problem = childByIndex(node, index.index(), where, nodes);
            }
            else {
                problem = childByName(node, ((YamlPath.Named) segment).name(), where, root, nodes);
            }
            if (problem != null) {
                return stop(nodes, problem, isMissing(node, segment));
            }
        }
        YamlNode target = nodes.get(nodes.size() - 1);
        if (target instanceof YamlNode.Alias alias) {
            return stop(nodes, throughAlias(path.toString(), alias, root), false);
        }
        return new Lookup(List.copyOf(nodes), null, false);
    }

    /** The path from the root to a node, or {@code null} when it is not found outside aliases. */
    static YamlPath pathTo(final YamlNode root, final YamlNode target) {
        List<YamlPath.Segment> segments = new ArrayList<>();
        return search(root, target, segments) ? YamlPath.of(segments) : null;
    }

    /** The mapping entries whose key is {@code key}. */
    static List<Integer> entriesWithKey(final YamlNode.Mapping mapping, final String key) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < mapping.entries().size(); i++) {
            if (key.equals(mapping.entries().get(i).keyText())) {
                found.add(i);
            }
        }
        return found;
    }

    /** The list items that are mappings whose {@code name} is {@code name} (aliased items included). */
    static List<Integer> itemsNamed(final YamlNode.Sequence sequence, final String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            YamlNode mapping = item instanceof YamlNode.Alias alias ? alias.target() : item;
            if (mapping instanceof YamlNode.Mapping entries && name.equals(nameOf(entries))) {
                found.add(i);
            }
        }
        return found;
    }

    static String nameOf(final YamlNode.Mapping mapping) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if ("name".equals(entry.keyText()) && entry.value() instanceof YamlNode.Scalar scalar) {
                return scalar.value();
            }
        }
        return null;
    }

    private static String childByKey(final YamlNode node, final String key, final String where,
            final YamlNode root, final List<YamlNode> nodes) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            return where + " is " + node.describe() + ", not a mapping with the key '" + key + "'";
        }
        List<Integer> found = entriesWithKey(mapping, key);
        if (found.size() > 1) {
            return where + " has the key '" + key + "' " + found.size() + " times; remove the duplicates";
        }
        if (found.isEmpty()) {
            YamlNode.Alias merged = mergedFrom(mapping, key);
            if (merged != null) {
                return "'" + key + "' of " + where + " comes from the merge key <<: *" + merged.name() + "; "
                        + anchorHint(merged, root, key) + ", or add '" + key + "' to " + where + " to override it";
            }
            return where + " has no key '" + key + "' (it is " + mapping.describe() + ")";
        }
        nodes.add(mapping.entries().get(found.get(0)).value());
        return null;
    }

    private static String childByIndex(final YamlNode node, final int index, final String where,
            final List<YamlNode> nodes) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            return where + " is " + node.describe() + ", not a list";
        }
        if (index >= sequence.items().size()) {
            return "the index " + index + " is out of range: " + where + " is " + sequence.describe();
        }
        nodes.add(sequence.items().get(index));
        return null;
    }

    private static String childByName(final YamlNode node, final String name, final String where,
            final YamlNode root, final List<YamlNode> nodes) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            return where + " is " + node.describe() + ", not a list";
        }
        List<Integer> found = itemsNamed(sequence, name);
        if (found.size() > 1) {
            return where + " has " + found.size() + " items named '" + name + "'; remove the duplicates";
        }
        if (found.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                if (item instanceof YamlNode.Mapping mapping && nameOf(mapping) != null) {
                    names.add(nameOf(mapping));
                }
            }
            return where + " has no item named '" + name + "' (" + (names.isEmpty() ? sequence.describe()
                    : "names: " + String.join(", ", names)) + ")";
        }
        YamlNode item = sequence.items().get(found.get(0));
        if (item instanceof YamlNode.Alias alias) {
            return "the item named '" + name + "' of " + where + " is the alias *" + alias.name() + "; "
                    + anchorHint(alias, root, null) + " or write the item out";
        }
        nodes.add(item);
        return null;
    }

    private static boolean isMissing(final YamlNode node, final YamlPath.Segment segment) {
        if (segment instanceof YamlPath.Key key) {
            return node instanceof YamlNode.Mapping mapping && entriesWithKey(mapping, key.name()).isEmpty()
                    && mergedFrom(mapping, key.name()) == null;
        }
        if (segment instanceof YamlPath.Named named) {
            return node instanceof YamlNode.Sequence sequence && itemsNamed(sequence, named.name()).isEmpty();
        }
        return node instanceof YamlNode.Sequence sequence
                && ((YamlPath.Index) segment).index() >= sequence.items().size();
    }

    /** The merge-key alias that brings {@code key} into the mapping, or {@code null}. */
    private static YamlNode.Alias mergedFrom(final YamlNode.Mapping mapping, final String key) {
        return mergedFrom(mapping, key, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Each merged mapping is searched once, however often merge keys name it. */
    private static YamlNode.Alias mergedFrom(final YamlNode.Mapping mapping, final String key,
            final Set<YamlNode> searched) {
        for (int index : entriesWithKey(mapping, MERGE_KEY)) {
            YamlNode value = mapping.entries().get(index).value();
            List<YamlNode> sources = value instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(value);
            for (YamlNode source : sources) {
                if (source instanceof YamlNode.Alias alias && alias.target() instanceof YamlNode.Mapping merged
                        && searched.add(merged)
                        && (!entriesWithKey(merged, key).isEmpty() || mergedFrom(merged, key, searched) != null)) {
                    return alias;
                }
            }
        }
        return null;
    }

    private static String throughAlias(final String where, final YamlNode.Alias alias, final YamlNode root) {
        return where + " is the alias *" + alias.name() + "; " + anchorHint(alias, root, null)
                + " or replace the alias by a value";
    }

    /** Why aliases are not followed, and the path of the anchored node (and of {@code key} in it) to edit instead. */
    private static String anchorHint(final YamlNode.Alias alias, final YamlNode root, final String key) {
        YamlPath anchored = pathTo(root, alias.target());
        String path = anchored == null ? "" : key == null ? " (" + anchored + ")"
                : " (" + anchored.child(new YamlPath.Key(key)) + ")";
        return "edits never go through an alias, because every other use of the anchor &" + alias.name()
                + " would change too. Set the anchored value itself" + path;
    }

    private static Lookup stop(final List<YamlNode> nodes, final String problem, final boolean missing) {
        return new Lookup(List.copyOf(nodes), problem, missing);
    }

    private static boolean search(final YamlNode node, final YamlNode target, final List<YamlPath.Segment> path) {
        if (node == target) {
            return true;
        }
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                if (entry.keyText() != null) {
                    path.add(new YamlPath.Key(entry.keyText()));
                    if (search(entry.value(), target, path)) {
                        return true;
                    }
                    path.remove(path.size() - 1);
                }
            }
        }
        else if (node instanceof YamlNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                path.add(new YamlPath.Index(i));
                if (search(sequence.items().get(i), target, path)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}
