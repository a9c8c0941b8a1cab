package io.mlgitops.gitops.yaml;

import io.mlgitops.api.errors.InputException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of a YAML file, built from SnakeYAML's parser events: only positions and scalar texts are kept, no
 * object is constructed from the document, and aliases are never expanded.
 */
final class YamlStream {
    /** Deeper documents are refused rather than walked recursively. */
    private static final int MAX_DEPTH = 200;

    private final SourceText source;
    private final List<YamlDocument> documents;

    private YamlStream(final SourceText source, final List<YamlDocument> documents) {
        this.source = source;
        this.documents = List.copyOf(documents);
    }

    static YamlStream read(final SourceText source) throws InputException {
        try {
            return new YamlStream(source, new Builder(source).documents());
        }
        catch (MarkedYAMLException failure) {
            Mark mark = failure.getProblemMark() == null ? failure.getContextMark() : failure.getProblemMark();
            String problem = failure.getProblem() == null ? failure.getContext() : failure.getProblem();
            throw new InputException(String.format("%s is not valid YAML: %s at line %d, column %d. Fix the file.",
                    source.file(), problem, mark.getLine() + 1, mark.getColumn() + 1), failure);
        }
        catch (ReaderException failure) {
            int offset = source.charOffset(Math.min(failure.getPosition(), source.text().codePointCount(0,
                    source.length())));
            throw new InputException(String.format("%s is not valid YAML: the character U+%04X at line %d, column %d "
                    + "is not allowed. Remove it.", source.file(), failure.getCodePoint(), source.lineNumber(offset),
                    source.column(offset) + 1), failure);
        }
        catch (YAMLException failure) {
            throw new InputException(String.format("%s is not valid YAML: %s. Fix the file.", source.file(),
                    failure.getMessage().lines().findFirst().orElse("")), failure);
        }
    }

    SourceText source() {
        return source;
    }

    List<YamlDocument> documents() {
        return documents;
    }

    /** Builds the node tree, one parser event at a time. */
    private static final class Builder {
        private final SourceText source;
        private final Parser parser;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private int depth;

        Builder(final SourceText source) {
            this.source = source;
            this.parser = new ParserImpl(new StreamReader(source.text()), new LoaderOptions());
        }

        List<YamlDocument> documents() throws InputException {
            List<YamlDocument> documents = new ArrayList<>();
            expect(parser.getEvent(), Event.ID.StreamStart);
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                expect(parser.getEvent(), Event.ID.DocumentStart);
                anchors.clear();
                YamlNode root = node(parser.getEvent(), false);
                expect(parser.getEvent(), Event.ID.DocumentEnd);
                if (!isEmpty(root)) {
                    documents.add(new YamlDocument(documents.size(), root));
                }
            }
            return documents;
        }

        private static boolean isEmpty(final YamlNode root) {
            return root instanceof YamlNode.Scalar scalar && scalar.isEmptyPlain() && scalar.anchor() == null
                    && scalar.tag() == null;
        }

        private YamlNode node(final Event event, final boolean inFlow) throws InputException {
            YamlNode node;
            switch (event.getEventId()) {
                case Scalar:
                    node = scalar((ScalarEvent) event, inFlow);
                    break;
                case MappingStart:
                    enter(event);
                    node = mapping((CollectionStartEvent) event);
                    depth--;
                    break;
                case SequenceStart:
                    enter(event);
                    node = sequence((CollectionStartEvent) event);
                    depth--;
                    break;
                case Alias:
                    return alias((AliasEvent) event);
                default:
                    throw new IllegalStateException("Unexpected YAML event " + event);
            }
            String anchor = ((NodeEvent) event).getAnchor();
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        private void enter(final Event event) throws InputException {
            depth++;
            if (depth > MAX_DEPTH) {
                int start = offset(event.getStartMark());
                throw new InputException(String.format("%s nests collections more than %d deep (line %d). Check the "
                        + "file.", source.file(), MAX_DEPTH, source.lineNumber(start)));
            }
        }

        private YamlNode.Scalar scalar(final ScalarEvent event, final boolean inFlow) {
            int start = offset(event.getStartMark());
            int end = offset(event.getEndMark());
            boolean hasProperties = event.getAnchor() != null || event.getTag() != null;
            int valueStart = hasProperties ? skipProperties(start, end, inFlow) : start;
            return new YamlNode.Scalar(event.getValue(), style(event.getScalarStyle()), event.getTag(),
                    event.getAnchor(), start, valueStart, end, inFlow);
        }

        private YamlNode.Mapping mapping(final CollectionStartEvent event) throws InputException {
            boolean flow = event.isFlow();
            List<YamlNode.Entry> entries = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                YamlNode key = node(parser.getEvent(), flow);
                YamlNode value = node(parser.getEvent(), flow);
                entries.add(new YamlNode.Entry(key, value));
            }
            Event close = parser.getEvent();
            int start = offset(event.getStartMark());
            int end = flow || entries.isEmpty() ? offset(close.getEndMark())
                    : entries.get(entries.size() - 1).value().end();
            return new YamlNode.Mapping(List.copyOf(entries), flow, event.getAnchor(), start, end);
        }

        private YamlNode.Sequence sequence(final CollectionStartEvent event) throws InputException {
            boolean flow = event.isFlow();
            List<YamlNode> items = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(node(parser.getEvent(), flow));
            }
            Event close = parser.getEvent();
            int start = offset(event.getStartMark());
            int end = flow || items.isEmpty() ? offset(close.getEndMark()) : items.get(items.size() - 1).end();
            return new YamlNode.Sequence(List.copyOf(items), flow, event.getAnchor(), start, end);
        }

        private YamlNode.Alias alias(final AliasEvent event) throws InputException {
            int start = offset(event.getStartMark());
            YamlNode target = anchors.get(event.getAnchor());
            if (target == null) {
                throw new InputException(String.format("%s is not valid YAML: the alias *%s at line %d has no anchor "
                        + "&%s before it. Fix the file.", source.file(), event.getAnchor(), source.lineNumber(start),
                        event.getAnchor()));
            }
            return new YamlNode.Alias(event.getAnchor(), target, start, offset(event.getEndMark()));
        }

        /** Skips a node's anchor and tag (and the spaces, line breaks and comments around them). */
        private int skipProperties(final int start, final int end, final boolean inFlow) {
            String text = source.text();
            int position = start;
            while (position < end) {
                char c = text.charAt(position);
                if (c == ' ' || c == '\t' || SourceText.isBreak(c)) {
                    position++;
                }
                else if (c == '#') {
                    while (position < end && !SourceText.isBreak(text.charAt(position))) {
                        position++;
                    }
                }
                else if (c == '!' && position + 1 < end && text.charAt(position + 1) == '<') {
                    position = text.indexOf('>', position) + 1;
                }
                else if (c == '&' || c == '!') {
                    while (position < end && !endsProperty(text.charAt(position), inFlow)) {
                        position++;
                    }
                }
                else {
                    break;
                }
            }
            return position;
        }

        private static boolean endsProperty(final char c, final boolean inFlow) {
            return c == ' ' || c == '\t' || SourceText.isBreak(c) || inFlow && ",[]{}".indexOf(c) >= 0;
        }

        private int offset(final Mark mark) {
            return source.charOffset(mark.getIndex());
        }

        private static char style(final DumperOptions.ScalarStyle style) {
            Character indicator = style.getChar();
            return indicator == null ? ' ' : indicator;
        }

        private static void expect(final Event event, final Event.ID id) {
            if (event.getEventId() != id) {
                throw new IllegalStateException("Expected a " + id + " event, got " + event);
            }
        }
    }
}
