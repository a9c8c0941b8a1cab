package io.mlgitops.gitops.yaml;

import java.util.List;

/**
 * A node of a parsed YAML document with its place in the text (char offsets). No value is constructed from tags:
 * scalars keep their text.
 */
sealed interface YamlNode {
    /** Where the node starts, anchor and tag included. */
    int start();

    /** Just past the node's last character; for a block collection, past its last child. */
    int end();

    /** The anchor ({@code &name}) the node defines, or {@code null}. */
    String anchor();

    /** What the node is, for messages: {@code a mapping with keys a, b}, {@code a list of 3 items}. */
    String describe();

    /**
     * A scalar.
     *
     * @param value      its value (quotes, escapes and folding resolved)
     * @param style      {@code ' '} plain, {@code '\''} single-quoted, {@code '"'} double-quoted, {@code '|'} literal,
     *                   {@code '>'} folded
     * @param tag        its explicit tag, or {@code null}
     * @param valueStart where the scalar's own text starts, after its anchor and tag
     * @param inFlow     whether it stands inside a flow collection ({@code [..]}, {@code {..}})
     */
    record Scalar(String value, char style, String tag, String anchor, int start, int valueStart, int end,
            boolean inFlow) implements YamlNode {
        boolean isEmptyPlain() {
            return style == ' ' && valueStart == end;
        }

        boolean isBlock() {
            return style == '|' || style == '>';
        }

        @Override
        public String describe() {
            return "the scalar '" + value + "'";
        }
    }

    /** A key and its value in a mapping. */
    record Entry(YamlNode key, YamlNode value) {
        /** The key's text when it is a scalar, else {@code null}. */
        String keyText() {
            return key instanceof Scalar scalar ? scalar.value() : null;
        }
    }

    /** A mapping, block or flow ({@code {a: 1}}); for a flow mapping {@code end} is past the closing brace. */
    record Mapping(List<Entry> entries, boolean flow, String anchor, int start, int end) implements YamlNode {
        @Override
        public String describe() {
            if (entries.isEmpty()) {
                return "an empty mapping";
            }
            StringBuilder keys = new StringBuilder();
            for (Entry entry : entries) {
                keys.append(keys.length() == 0 ? "" : ", ").append(entry.keyText());
            }
            return "a mapping with keys " + keys;
        }
    }

    /** A sequence, block or flow ({@code [a, b]}); for a flow sequence {@code end} is past the closing bracket. */
    record Sequence(List<YamlNode> items, boolean flow, String anchor, int start, int end) implements YamlNode {
        @Override
        public String describe() {
            return "a list of " + items.size() + (items.size() == 1 ? " item" : " items");
        }
    }

    /**
     * An alias ({@code *name}) of an anchored node.
     *
     * @param name   the anchor it refers to
     * @param target the anchored node
     */
    record Alias(String name, YamlNode target, int start, int end) implements YamlNode {
        @Override
        public String anchor() {
            return null;
        }

        @Override
        public String describe() {
            return "the alias *" + name;
        }
    }
}
