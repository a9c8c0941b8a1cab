package io.mlgitops.gitops.yaml;

import java.util.List;

/**
 * Changes to nodes, written as text splices that keep the file's layout: scalars are rewritten in their span; added
 * keys and list items take the indentation of their siblings (block style) or go inside the brackets (flow style);
 * removed ones take their whole lines, or their separator in flow style, so that adding and then removing gives back
 * the same text. Added lines use the file's line break and keep a missing final line break missing.
 */
final class NodeEdits {
    private static final String FLOW_SEPARATOR = ", ";

    private final SourceText source;
    private final TextEdits edits = new TextEdits();

    NodeEdits(final SourceText source) {
        this.source = source;
    }

    SourceText source() {
        return source;
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    String apply() {
        return edits.applyTo(source.text());
    }

    /** The scalar's text as written: quotes, escapes and a block scalar's header and lines included. */
    String sourceOf(final YamlNode.Scalar scalar) {
        int end = scalar.isBlock() ? BlockScalarText.spanEnd(source, scalar) : scalar.end();
        return source.text().substring(scalar.valueStart(), end);
    }

    /** Writes a new value into a scalar, keeping its style where the value allows. */
    void setScalar(final YamlNode.Scalar scalar, final String value) {
        if (scalar.isBlock()) {
            String block = BlockScalarText.write(source, scalar, value);
            int end = BlockScalarText.spanEnd(source, scalar);
            edits.replace(scalar.valueStart(), end, block != null ? block
                    : ScalarText.doubleQuoted(value) + (endsWithBreak(end) ? source.lineBreak() : ""));
        }
        else {
            writeScalarText(scalar, ScalarText.inStyleOf(scalar, value));
        }
    }

    /**
     * Writes YAML scalar text as it is (a recorded original, quotes and all) into a scalar's span. A block scalar's
     * text ends with its line break, so it also takes the line break after a quoted or plain scalar it replaces.
     */
    void writeScalarText(final YamlNode.Scalar scalar, final String text) {
        int start = scalar.valueStart();
        boolean blockText = text.startsWith("|") || text.startsWith(">");
        int end = scalar.isBlock() ? BlockScalarText.spanEnd(source, scalar)
                : blockText ? source.nextLineStart(scalar.end()) : scalar.end();
        if (text.isEmpty() && start >= 2 && source.charAt(start - 1) == ' ' && source.charAt(start - 2) == ':') {
            edits.replace(start - 1, end, "");
        }
        else if (start == end && start > 0 && source.charAt(start - 1) == ':' && !text.isEmpty()) {
            edits.insert(start, " " + text);
        }
        else {
            edits.replace(start, end, text);
        }
    }

    /** Replaces a mapping key's text ({@code newTag} becomes {@code digest}), in the key's quoting style. */
    void renameKey(final YamlNode.Entry entry, final String key) {
        writeScalarText((YamlNode.Scalar) entry.key(), ScalarText.inStyleOf((YamlNode.Scalar) entry.key(), key));
    }

    /**
     * Adds a key after the entry at {@code afterIndex}.
     *
     * @param blockLines the entry's lines relative to the key's column, for a block mapping
     * @param flowText   the entry's text, for a flow mapping
     */
    void addEntry(final YamlNode.Mapping mapping, final int afterIndex, final List<String> blockLines,
            final String flowText) {
        List<YamlNode.Entry> entries = mapping.entries();
        if (mapping.flow()) {
            if (entries.isEmpty()) {
                edits.insert(mapping.start() + 1, flowText);
            }
            else {
                YamlNode.Entry after = entries.get(afterIndex);
                edits.insert(after.value().end(), flowSeparator(after.key().start(), mapping.end()) + flowText);
            }
        }
        else {
            insertLines(lineAfter(entries.get(afterIndex).value()), source.column(entries.get(0).key().start()),
                    blockLines);
        }
    }

    /** Adds an item at the end of a sequence; {@code blockLines} are relative to the column of the dash. */
    void addItem(final YamlNode.Sequence sequence, final List<String> blockLines, final String flowText) {
        List<YamlNode> items = sequence.items();
        if (sequence.flow()) {
            if (items.isEmpty()) {
                edits.insert(sequence.start() + 1, flowText);
            }
            else {
                YamlNode last = items.get(items.size() - 1);
                edits.insert(last.end(), flowSeparator(last.start(), sequence.end()) + flowText);
            }
        }
        else {
            insertLines(lineAfter(items.get(items.size() - 1)), dashColumn(sequence), blockLines);
        }
    }

    void removeEntry(final YamlNode.Mapping mapping, final int index) {
        List<YamlNode.Entry> entries = mapping.entries();
        YamlNode.Entry entry = entries.get(index);
        if (mapping.flow()) {
            removeFlowElement(entry.key().start(), entry.value().end(),
                    index > 0 ? entries.get(index - 1).value().end() : -1,
                    index + 1 < entries.size() ? entries.get(index + 1).key().start() : -1);
        }
        else if (source.indentedOnlyBefore(entry.key().start())) {
            removeLines(entry.key().start(), entry.value());
        }
        else if (index + 1 < entries.size()) {
            edits.replace(entry.key().start(), entries.get(index + 1).key().start(), "");
        }
        else {
            throw new IllegalStateException("Cannot remove the only key of a list item");
        }
    }

    void removeItem(final YamlNode.Sequence sequence, final int index) {
        List<YamlNode> items = sequence.items();
        YamlNode item = items.get(index);
        if (sequence.flow()) {
            removeFlowElement(item.start(), item.end(), index > 0 ? items.get(index - 1).end() : -1,
                    index + 1 < items.size() ? items.get(index + 1).start() : -1);
        }
        else {
            removeLines(item.start(), item);
        }
    }

    /** Removes a whole mapping entry whose value is a block sequence, from its key's line to the sequence's end. */
    void removeBlockEntry(final YamlNode.Entry entry) {
        removeLines(entry.key().start(), entry.value());
    }

    /** The offset just past the line break ending the node's last line (the text's length on the last line). */
    int lineAfter(final YamlNode node) {
        return source.nextLineStart(contentEnd(node));
    }

    /** The column of a block sequence's dashes. */
    int dashColumn(final YamlNode.Sequence sequence) {
        int dash = dashBefore(sequence.items().get(0));
        return source.column(dash >= 0 ? dash : sequence.start());
    }

    /** The offset of the dash on a block list item's line, before it, or -1 when the item starts a later line. */
    int dashBefore(final YamlNode item) {
        int position = item.start() - 1;
        while (position >= 0 && source.charAt(position) == ' ') {
            position--;
        }
        return position >= 0 && source.charAt(position) == '-' ? position : -1;
    }

    /** Where a node's content ends: its last child's end for block collections, without a block scalar's breaks. */
    int contentEnd(final YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping && !mapping.flow() && !mapping.entries().isEmpty()) {
            return contentEnd(mapping.entries().get(mapping.entries().size() - 1).value());
        }
        if (node instanceof YamlNode.Sequence sequence && !sequence.flow() && !sequence.items().isEmpty()) {
            return contentEnd(sequence.items().get(sequence.items().size() - 1));
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.isBlock()) {
            int end = scalar.end();
            while (end > scalar.valueStart() + 1 && Character.isWhitespace(source.charAt(end - 1))) {
                end--;
            }
            return end;
        }
        return node.end();
    }

    private void insertLines(final int offset, final int column, final List<String> lines) {
        String indent = " ".repeat(column);
        String lineBreak = source.lineBreak();
        StringBuilder text = new StringBuilder();
        boolean atUnterminatedEnd = offset == source.length() && offset > 0
                && !SourceText.isBreak(source.charAt(offset - 1));
        for (String line : lines) {
            if (atUnterminatedEnd) {
                text.append(lineBreak).append(indent).append(line);
            }
            else {
                text.append(indent).append(line).append(lineBreak);
            }
        }
        edits.insert(offset, text.toString());
    }

    private void removeLines(final int firstLineOffset, final YamlNode last) {
        int start = source.lineStart(firstLineOffset);
        int end = lineAfter(last);
        if (end == source.length() && !endsWithBreak(end) && start > 0) {
            start -= source.charAt(start - 1) == '\n' && start > 1 && source.charAt(start - 2) == '\r' ? 2 : 1;
        }
        edits.replace(start, end, "");
    }

    /** Removes a flow element with the separator before it, or after it when it comes first. */
    private void removeFlowElement(final int start, final int end, final int previousEnd, final int nextStart) {
        if (previousEnd >= 0) {
            edits.replace(previousEnd, end, "");
        }
        else if (nextStart >= 0) {
            edits.replace(start, nextStart, "");
        }
        else {
            edits.replace(start, end, "");
        }
    }

    /** {@code ", "}, or a comma and a new line at the last element's column when the brackets span lines. */
    private String flowSeparator(final int lastStart, final int collectionEnd) {
        int closing = collectionEnd - 1;
        if (source.lineStart(closing) > lastStart) {
            return "," + source.lineBreak() + " ".repeat(source.column(lastStart));
        }
        return FLOW_SEPARATOR;
    }

    private boolean endsWithBreak(final int end) {
        return end > 0 && SourceText.isBreak(source.charAt(end - 1));
    }
}
