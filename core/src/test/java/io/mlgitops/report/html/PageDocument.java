package io.mlgitops.report.html;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A rendered page parsed as XML (the renderer writes HTML that is also well-formed XML), queried with XPath. Parsing
 * fails on any markup a value could have smuggled in: an unclosed element, a broken attribute.
 */
final class PageDocument {
    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private PageDocument(final Document document) {
        this.document = document;
    }

    static PageDocument parse(final String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new PageDocument(factory.newDocumentBuilder().parse(new InputSource(new StringReader(html))));
        }
        catch (Exception malformed) {
            throw new AssertionError("The page is not well-formed: " + malformed.getMessage(), malformed);
        }
    }

    int count(final String expression) {
        return nodes(expression).getLength();
    }

    /** The text content of every node the expression selects. */
    List<String> texts(final String expression) {
        NodeList nodes = nodes(expression);
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < nodes.getLength(); index++) {
            texts.add(nodes.item(index).getTextContent().replaceAll("\\s+", " ").strip());
        }
        return texts;
    }

    /** The text content of the first node the expression selects. */
    String text(final String expression) {
        List<String> texts = texts(expression);
        if (texts.isEmpty()) {
            throw new AssertionError("Nothing matches " + expression);
        }
        return texts.get(0);
    }

    private NodeList nodes(final String expression) {
        try {
            return (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
        }
        catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
