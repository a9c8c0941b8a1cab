package io.mlgitops.gitops.yaml;

/**
 * One non-empty document of a YAML stream.
 *
 * @param index its 0-based place among the stream's non-empty documents
 * @param root  its root node
 */
record YamlDocument(int index, YamlNode root) {
    /** The document's {@code kind}, or {@code null}. */
    String kind() {
        return root instanceof YamlNode.Mapping mapping ? scalarValue(mapping, "kind") : null;
    }

    /** The document's {@code metadata.name}, or {@code null}. */
    String name() {
        if (root instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                if ("metadata".equals(entry.keyText()) && entry.value() instanceof YamlNode.Mapping metadata) {
                    return scalarValue(metadata, "name");
                }
            }
        }
        return null;
    }

    private static String scalarValue(final YamlNode.Mapping mapping, final String key) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if (key.equals(entry.keyText()) && entry.value() instanceof YamlNode.Scalar scalar) {
                return scalar.value();
            }
        }
        return null;
    }
}
