package io.mlgitops.gitops.yaml;

/**
 * How a file indents block lists, found from the lists it has, for lists and items that edits add: whether a list
 * under a key is indented ({@code key:\n  - a}) or not ({@code key:\n- a}, kustomize's style, the default), and how
 * far an item's keys stand from its dash (2 by default).
 */
final class IndentStyle {
    private static final int UNKNOWN = -1;

    private final NodeEdits edits;
    private int sequenceIndent = UNKNOWN;
    private int itemIndent = UNKNOWN;

    IndentStyle(final NodeEdits edits, final YamlNode root) {
        this.edits = edits;
        visit(root);
    }

    /** Columns between a key and the dashes of its list. */
    int sequenceIndent() {
        return sequenceIndent == UNKNOWN ? 0 : sequenceIndent;
    }

    /** Columns between a dash and the first key of its item. */
    int itemIndent() {
        return itemIndent == UNKNOWN ? 2 : itemIndent;
    }

    private void visit(final YamlNode node) {
        SourceText source = edits.source();
        if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                if (sequenceIndent == UNKNOWN && !mapping.flow()
                        && entry.value() instanceof YamlNode.Sequence sequence && !sequence.flow()
                        && !sequence.items().isEmpty()
                        && source.lineStart(sequence.items().get(0).start()) > entry.key().start()) {
                    sequenceIndent = Math.max(0, edits.dashColumn(sequence) - source.column(entry.key().start()));
                }
                visit(entry.value());
            }
        }
        else if (node instanceof YamlNode.Sequence sequence) {
            if (itemIndent == UNKNOWN && !sequence.flow() && !sequence.items().isEmpty()
                    && sequence.items().get(0) instanceof YamlNode.Mapping item && !item.flow()) {
                int dash = edits.dashBefore(item);
                if (dash >= 0) {
                    itemIndent = item.start() - dash;
                }
            }
            for (YamlNode item : sequence.items()) {
                visit(item);
            }
        }
    }
}
