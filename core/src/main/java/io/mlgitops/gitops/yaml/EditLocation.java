package io.mlgitops.gitops.yaml;

import io.mlgitops.gitops.DocumentSelector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an applied edit happened, as written in {@code AppliedEdit.path}: an optional document prefix, then a
 * {@link YamlPath}. The prefix is {@code Kind/name:} (the document's {@code kind} and {@code metadata.name}) or
 * {@code #N:} (the N-th non-empty document, 0-based); it is present only for files with several documents.
 * Examples: {@code model.version}, {@code images[churn-model].newTag},
 * {@code Deployment/churn:spec.template.spec.containers[0].image}, {@code #1:data.version}.
 *
 * @param document the document, {@link DocumentSelector#ONLY} when there is no prefix
 * @param path     the path inside the document
 */
public record EditLocation(DocumentSelector document, YamlPath path) {
    private static final Pattern INDEX_PREFIX = Pattern.compile("#(\\d{1,9}):(.*)", Pattern.DOTALL);
    private static final Pattern KIND_PREFIX = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*)/([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?):(.*)", Pattern.DOTALL);

    /**
     * @throws IllegalArgumentException when the text is not a location
     */
    public static EditLocation parse(final String text) {
        Matcher index = INDEX_PREFIX.matcher(text);
        if (index.matches()) {
            return new EditLocation(DocumentSelector.index(Integer.parseInt(index.group(1))),
                    YamlPath.parse(index.group(2)));
        }
        Matcher kind = KIND_PREFIX.matcher(text);
        if (kind.matches()) {
            return new EditLocation(DocumentSelector.kindAndName(kind.group(1), kind.group(2)),
                    YamlPath.parse(kind.group(3)));
        }
        return new EditLocation(DocumentSelector.ONLY, YamlPath.parse(text));
    }

    @Override
    public String toString() {
        String prefix = document.toString();
        return prefix.isEmpty() ? path.toString() : prefix + ":" + path;
    }
}
