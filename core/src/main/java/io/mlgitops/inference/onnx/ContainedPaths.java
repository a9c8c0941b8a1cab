package io.mlgitops.inference.onnx;

import io.mlgitops.api.errors.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves relative file names written inside model files (MLmodel's {@code data}, ONNX external-data locations) so
 * that they can never point outside the model's folder: no absolute paths, no {@code ..}, no symbolic link out.
 */
final class ContainedPaths {
    private static final Pattern DRIVE_OR_ROOT = Pattern.compile("^([A-Za-z]:)?[/\\\\].*|^[A-Za-z]:.*");
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

    private ContainedPaths() {
    }

    /**
     * Resolves {@code name} against {@code base} and checks that it is an existing regular file inside {@code root}.
     *
     * @param what  describes the name for messages, e.g. "tensor 'w' of model.onnx refers to external data"
     * @param fix   what the user should do, appended to the message
     * @throws InputException when the name is absolute, contains {@code ..}, leaves {@code root} or does not exist
     */
    static Path resolve(final Path root, final Path base, final String name, final String what, final String fix)
            throws InputException {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || DRIVE_OR_ROOT.matcher(name).matches()) {
            throw new InputException(String.format("%s '%s', which is not a relative path inside the model folder %s. "
                    + "%s", what, name, root, fix));
        }
        for (String segment : SEPARATORS.split(name)) {
            if (segment.equals("..")) {
                throw new InputException(String.format("%s '%s', which leaves the model folder %s ('..' is not "
                        + "allowed). %s", what, name, root, fix));
            }
        }
        Path resolved = base.resolve(name).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new InputException(String.format("%s '%s', which is outside the model folder %s. %s", what, name,
                    root, fix));
        }
        if (!Files.isRegularFile(resolved)) {
            throw new InputException(String.format("%s '%s', but %s does not exist. Copy the whole model folder, "
                    + "including that file.", what, name, resolved));
        }
        requireNoLinkOut(root, resolved, what, name);
        return resolved;
    }

    private static void requireNoLinkOut(final Path root, final Path resolved, final String what, final String name)
            throws InputException {
        try {
            if (!resolved.toRealPath().startsWith(root.toRealPath())) {
                throw new InputException(String.format("%s '%s', which is a link to a file outside the model "
                        + "folder %s. Put the file itself in the model folder.", what, name, root));
            }
        }
        catch (IOException failure) {
            throw new InputException(String.format("Cannot read %s (%s). Check the model folder's permissions.",
                    resolved, failure.getMessage()), failure);
        }
    }
}
