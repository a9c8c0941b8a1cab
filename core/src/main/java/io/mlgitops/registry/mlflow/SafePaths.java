package io.mlgitops.registry.mlflow;

import io.mlgitops.api.errors.InputException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Keeps names that come from a server inside the folder they are written to.
 */
final class SafePaths {
    private SafePaths() {
    }

    /**
     * The child {@code name} of {@code folder}, where {@code name} must be one plain file name: not empty, not
     * {@code .} or {@code ..}, without a slash, backslash, colon or control character.
     *
     * @param root the download folder that every path must stay in
     * @param what where the name came from, for the message
     */
    static Path child(final Path root, final Path folder, final String name, final String what)
            throws InputException {
        if (!isPlainName(name)) {
            throw new InputException(String.format("Refusing the file name '%s' sent by %s: it is not a plain file "
                    + "name inside the model folder (path traversal?). Check the model's artifacts on the server.",
                    printable(name), what));
        }
        Path child = folder.resolve(name).normalize();
        if (!child.startsWith(root) || child.equals(root)) {
            throw new InputException(String.format("Refusing the file name '%s' sent by %s: it leads out of %s.",
                    printable(name), what, root));
        }
        return child;
    }

    /**
     * A model name or version as one folder name: bytes outside {@code [A-Za-z0-9._-]} percent-encoded, and names made
     * only of dots encoded too, so that the result never means "this folder" or "the parent folder".
     */
    static String folderName(final String value) {
        StringBuilder name = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            name.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        String folder = name.toString();
        if (folder.isEmpty()) {
            return "%";
        }
        return folder.chars().allMatch(c -> c == '.') ? folder.replace(".", "%2E") : folder;
    }

    private static boolean isPlainName(final String name) {
        if (name.isEmpty() || ".".equals(name) || "..".equals(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static String printable(final String name) {
        return name.codePoints().mapToObj(c -> Character.isISOControl(c) ? "?" : Character.toString(c))
                .reduce("", String::concat);
    }
}
