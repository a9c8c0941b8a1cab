package io.jenkins.plugins.mlgitops.steps.engine;

import io.mlgitops.api.errors.InvalidSettingsException;
import io.mlgitops.gitops.DocumentSelector;
import io.mlgitops.gitops.ManifestEdit;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A manifest edit as {@code mlPromote} gives it: {@code setImage(file:, image:, newName:, tag:, digest:)} (the
 * {@code --set-image} option) or {@code setValue(file:, path:, value:, document:)} (the {@code --set} option). Values
 * may hold {@code {{model}}}, {@code {{version}}}, {@code {{environment}}} and {@code {{alias}}}.
 *
 * @param kind     {@code setImage} or {@code setValue}
 * @param file     the file in the GitOps repository
 * @param image    setImage: the image name the kustomization entry matches
 * @param newName  setImage: the replacement image name, or {@code null}
 * @param tag      setImage: the new tag, or {@code null}
 * @param digest   setImage: the new digest ({@code sha256:...}), or {@code null}
 * @param path     setValue: the dotted path ({@code spec.predictor.model.storageUri}, {@code containers[0].image})
 * @param value    setValue: the new value
 * @param document setValue: which document of a multi-document file: {@code N} (0-based) or {@code Kind/name};
 *                 blank for the only one
 */
public record EditSpec(String kind, String file, String image, String newName, String tag, String digest,
        String path, String value, String document) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern KIND_AND_NAME = Pattern.compile("([^/\\s]+)/([^/\\s]+)");
    static final String SET_IMAGE = "setImage";
    static final String SET_VALUE = "setValue";

    /** A {@code setImage(...)} block. */
    public static EditSpec setImage(final String file, final String image, final String newName, final String tag,
            final String digest) {
        return new EditSpec(SET_IMAGE, file, image, newName, tag, digest, null, null, null);
    }

    /** A {@code setValue(...)} block. */
    public static EditSpec setValue(final String file, final String path, final String value, final String document) {
        return new EditSpec(SET_VALUE, file, null, null, null, null, path, value, document);
    }

    /**
     * The engine's edit.
     *
     * @throws InvalidSettingsException naming the block and what is missing or wrong
     */
    public ManifestEdit toEdit() throws InvalidSettingsException {
        String where = kind + "(file: '" + file + "')";
        if (Values.blankToNull(file) == null) {
            throw new InvalidSettingsException(kind + " needs a file: the manifest in the GitOps repository.");
        }
        try {
            if (SET_IMAGE.equals(kind)) {
                if (Values.blankToNull(image) == null) {
                    throw new InvalidSettingsException(where + " needs image: the name its images entry matches.");
                }
                return new ManifestEdit.SetImage(file.trim(), image.trim(), Values.blankToNull(newName),
                        Values.blankToNull(tag), Values.blankToNull(digest));
            }
            if (Values.blankToNull(path) == null || value == null) {
                throw new InvalidSettingsException(where + " needs path and value.");
            }
            return new ManifestEdit.SetValue(file.trim(), document(where), path.trim(), value);
        }
        catch (IllegalArgumentException invalid) {
            throw new InvalidSettingsException(where + ": " + invalid.getMessage(), invalid);
        }
    }

    private DocumentSelector document(final String where) throws InvalidSettingsException {
        String selector = Values.blankToNull(document);
        if (selector == null) {
            return DocumentSelector.ONLY;
        }
        if (selector.chars().allMatch(Character::isDigit)) {
            return DocumentSelector.index(Integer.parseInt(selector));
        }
        Matcher kindAndName = KIND_AND_NAME.matcher(selector);
        if (!kindAndName.matches()) {
            throw new InvalidSettingsException(where + ": document must be a 0-based index or Kind/name, got '"
                    + document + "'");
        }
        return DocumentSelector.kindAndName(kindAndName.group(1), kindAndName.group(2));
    }
}
