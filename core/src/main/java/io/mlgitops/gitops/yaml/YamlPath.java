package io.mlgitops.gitops.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted path to a node: {@code spec.template.spec.containers[0].image}. Keys are separated by dots; {@code [N]}
 * picks a list item by its 0-based index and {@code [NAME]} the list item whose {@code name} is NAME (as in
 * {@code images[churn-model].newTag}). A backslash makes the next character literal: {@code a\.b} is the one key
 * {@code a.b}, and {@code [\1]} the item named {@code 1} rather than the second item.
 */
public final class YamlPath {
    private static final String FORMS = "use keys separated by dots, [N] for the N-th list item (0-based) or [NAME] "
            + "for the item whose name is NAME, and a backslash before a literal '.', '[', ']' or '\\', as in "
            + "spec.template.spec.containers[0].image or metadata.annotations.example\\.com/team";

    private final List<Segment> segments;

    private YamlPath(final List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** One step of a path. */
    public sealed interface Segment {
    }

    /** A mapping key. */
    public record Key(String name) implements Segment {
    }

    /** A list item by its 0-based index. */
    public record Index(int index) implements Segment {
    }

    /** The list item (a mapping) whose {@code name} key holds this value. */
    public record Named(String name) implements Segment {
    }

    public static YamlPath of(final List<Segment> segments) {
        return new YamlPath(segments);
    }

    /**
     * @throws IllegalArgumentException when the path is empty or malformed; the message shows the accepted form
     */
    public static YamlPath parse(final String path) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        boolean expectKey = true;
        while (position < path.length()) {
            char c = path.charAt(position);
            if (c == '[') {
                position = bracket(path, position, segments);
                expectKey = false;
            }
            else if (c == '.' && !expectKey) {
                position++;
                expectKey = true;
                if (position == path.length()) {
                    throw malformed(path, "it ends with a dot");
                }
            }
            else if (expectKey) {
                StringBuilder key = new StringBuilder();
                position = readUntil(path, position, ".[", key);
                if (key.length() == 0) {
                    throw malformed(path, "it has an empty key");
                }
                segments.add(new Key(key.toString()));
                expectKey = false;
            }
            else {
                throw malformed(path, "a ']' or '.' is misplaced at character " + (position + 1));
            }
        }
        if (segments.isEmpty()) {
            throw malformed(path, "it is empty");
        }
        return new YamlPath(segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    public YamlPath child(final Segment segment) {
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new YamlPath(longer);
    }

    /** The first {@code count} segments, as a path (empty when count is 0). */
    public YamlPath prefix(final int count) {
        return new YamlPath(segments.subList(0, count));
    }

    /** The path as text, escaped so that {@link #parse} reads it back. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Key key) {
                if (text.length() > 0) {
                    text.append('.');
                }
                escape(key.name(), ".[]\\", text);
            }
            else if (segment instanceof Index index) {
                text.append('[').append(index.index()).append(']');
            }
            else {
                String name = ((Named) segment).name();
                text.append('[');
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    text.append('\\');
                }
                escape(name, "]\\", text);
                text.append(']');
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof YamlPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    private static int bracket(final String path, final int open, final List<Segment> segments) {
        StringBuilder content = new StringBuilder();
        int close = readUntil(path, open + 1, "]", content);
        if (close >= path.length()) {
            throw malformed(path, "a '[' is not closed");
        }
        String raw = path.substring(open + 1, close);
        if (content.length() == 0) {
            throw malformed(path, "it has an empty []");
        }
        if (raw.chars().allMatch(Character::isDigit)) {
            try {
                segments.add(new Index(Integer.parseInt(raw)));
            }
            catch (NumberFormatException tooLarge) {
                throw malformed(path, "the index " + raw + " is too large");
            }
        }
        else {
            segments.add(new Named(content.toString()));
        }
        return close + 1;
    }

    /** Reads unescaped characters into {@code into} until one of {@code stops}; returns where it stopped. */
    private static int readUntil(final String path, final int from, final String stops, final StringBuilder into) {
        int position = from;
        while (position < path.length() && stops.indexOf(path.charAt(position)) < 0) {
            char c = path.charAt(position);
            if (c == '\\' && position + 1 < path.length()) {
                position++;
                c = path.charAt(position);
            }
            into.append(c);
            position++;
        }
        return position;
    }

    private static void escape(final String text, final String special, final StringBuilder into) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                into.append('\\');
            }
            into.append(c);
        }
    }

    private static IllegalArgumentException malformed(final String path, final String reason) {
        return new IllegalArgumentException("Malformed path '" + path + "': " + reason + "; " + FORMS + ".");
    }
}
