package io.mlgitops.gitops;

import io.mlgitops.gitops.yaml.EditLocation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the command line's {@code --set-image} and {@code --set} options into {@link ManifestEdit}s. */
public final class ManifestEdits {
    private static final String SET_IMAGE_FORMS = "use FILE:IMAGE=NEWIMAGE:TAG, FILE:IMAGE=NEWIMAGE@sha256:DIGEST, "
            + "FILE:IMAGE=:TAG or FILE:IMAGE:TAG (tag only), FILE:IMAGE@sha256:DIGEST (digest only) or "
            + "FILE:IMAGE=NEWIMAGE (name only), as in kustomize edit set image";
    private static final String SET_FORMS = "use FILE:PATH=VALUE, FILE#N:PATH=VALUE (document N, 0-based) or "
            + "FILE:Kind/name:PATH=VALUE, with PATH like spec.template.spec.containers[0].image";
    private static final Pattern FILE_WITH_INDEX = Pattern.compile("(.+)#(\\d{1,9})");
    /** A tag after the last colon that is not part of a registry's host:port. */
    private static final Pattern NAME_AND_TAG = Pattern.compile("(.*):([^:/@]+)");

    private ManifestEdits() {
    }

    /**
     * Reads {@code FILE:IMAGE=NEWIMAGE:TAG}, {@code FILE:IMAGE=NEWIMAGE@sha256:...}, {@code FILE:IMAGE=:TAG},
     * {@code FILE:IMAGE:TAG}, {@code FILE:IMAGE@sha256:...} or {@code FILE:IMAGE=NEWIMAGE}.
     *
     * @throws IllegalArgumentException when the spec is malformed; the message shows the accepted forms
     */
    public static ManifestEdit.SetImage parseSetImage(final String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw malformedImage(spec, "it needs FILE: before the image");
        }
        String file = spec.substring(0, colon);
        String rest = spec.substring(colon + 1);
        int equals = rest.indexOf('=');
        String image;
        String[] target;
        if (equals >= 0) {
            image = rest.substring(0, equals);
            target = splitReference(rest.substring(equals + 1));
            if (target[0].isEmpty() && target[1] == null && target[2] == null) {
                throw malformedImage(spec, "nothing follows '='");
            }
        }
        else {
            target = splitReference(rest);
            image = target[0];
            target[0] = "";
            if (target[1] == null && target[2] == null) {
                throw malformedImage(spec, "it sets no tag, digest or new name");
            }
        }
        if (image.isEmpty() || image.indexOf('=') >= 0) {
            throw malformedImage(spec, "the image name is missing or malformed");
        }
        if (target[1] != null && target[2] != null) {
            throw malformedImage(spec, "it sets both a tag and a digest");
        }
        try {
            return new ManifestEdit.SetImage(file, image, target[0].isEmpty() ? null : target[0], target[1],
                    target[2]);
        }
        catch (IllegalArgumentException invalid) {
            throw malformedImage(spec, invalid.getMessage());
        }
    }

    /**
     * Reads {@code FILE:PATH=VALUE}, {@code FILE#N:PATH=VALUE} or {@code FILE:Kind/name:PATH=VALUE}. The value is
     * everything after the first '=' that is not escaped by a backslash.
     *
     * @throws IllegalArgumentException when the spec is malformed; the message shows the accepted forms
     */
    public static ManifestEdit.SetValue parseSet(final String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw malformedSet(spec, "it needs FILE: before the path");
        }
        String file = spec.substring(0, colon);
        DocumentSelector fileSelector = DocumentSelector.ONLY;
        Matcher indexed = FILE_WITH_INDEX.matcher(file);
        if (indexed.matches()) {
            file = indexed.group(1);
            fileSelector = DocumentSelector.index(Integer.parseInt(indexed.group(2)));
        }
        String rest = spec.substring(colon + 1);
        int equals = unescapedEquals(rest);
        if (equals < 0) {
            throw malformedSet(spec, "it has no '=' before the value");
        }
        EditLocation location;
        try {
            location = EditLocation.parse(rest.substring(0, equals));
        }
        catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("Malformed --set '" + spec + "': " + malformed.getMessage(), malformed);
        }
        if (!fileSelector.equals(DocumentSelector.ONLY) && !location.document().equals(DocumentSelector.ONLY)) {
            throw malformedSet(spec, "it picks the document twice");
        }
        DocumentSelector document = location.document().equals(DocumentSelector.ONLY) ? fileSelector
                : location.document();
        return new ManifestEdit.SetValue(file, document, location.path().toString(), rest.substring(equals + 1));
    }

    /** {name, tag, digest} of {@code NAME}, {@code NAME:TAG} or {@code NAME@DIGEST}; tag and digest may be null. */
    private static String[] splitReference(final String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) {
            String name = reference.substring(0, at);
            Matcher tagged = NAME_AND_TAG.matcher(name);
            return new String[] {name, tagged.matches() ? tagged.group(2) : null, reference.substring(at + 1)};
        }
        Matcher tagged = NAME_AND_TAG.matcher(reference);
        if (tagged.matches()) {
            return new String[] {tagged.group(1), tagged.group(2), null};
        }
        return new String[] {reference, null, null};
    }

    private static int unescapedEquals(final String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            }
            else if (text.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException malformedImage(final String spec, final String reason) {
        return new IllegalArgumentException("Malformed --set-image '" + spec + "' (" + reason + "): "
                + SET_IMAGE_FORMS + ".");
    }

    private static IllegalArgumentException malformedSet(final String spec, final String reason) {
        return new IllegalArgumentException("Malformed --set '" + spec + "' (" + reason + "): " + SET_FORMS + ".");
    }
}
