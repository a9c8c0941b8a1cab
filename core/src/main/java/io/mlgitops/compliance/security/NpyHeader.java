package io.mlgitops.compliance.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a numpy {@code .npy} file (numpy/lib/format.py): the magic string, a version, the header length and
 * a Python dict literal whose {@code descr} is the dtype. An array of Python objects is stored as a pickle after the
 * header, which {@code numpy.load(..., allow_pickle=True)} unpickles.
 */
final class NpyHeader {
    private static final int MAGIC_LENGTH = 6;
    private static final int MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final Pattern OBJECT_TYPE = Pattern.compile("[|<>=]?O\\d*");

    private NpyHeader() {
    }

    /**
     * Reads the header of {@code in} and tells whether the array holds Python objects (then a pickle follows).
     *
     * @throws UnreadableArtifactException when the header is malformed
     */
    static boolean holdsObjects(final InputStream in) throws IOException {
        byte[] start = in.readNBytes(MAGIC_LENGTH + 2);
        if (ArtifactContent.of(start) != ArtifactContent.NPY || start.length < MAGIC_LENGTH + 2) {
            throw malformed("it does not start with the .npy magic string");
        }
        int major = start[MAGIC_LENGTH];
        if (major < 1 || major > 3) {
            throw malformed("format version " + major + " is not 1, 2 or 3");
        }
        byte[] length = in.readNBytes(major == 1 ? 2 : 4);
        long size = 0;
        for (int i = 0; i < length.length; i++) {
            size |= (length[i] & 0xffL) << (8 * i);
        }
        if (size > MAX_HEADER) {
            throw malformed("its header is longer than " + MAX_HEADER + " bytes");
        }
        byte[] header = in.readNBytes((int) size);
        if (header.length < size) {
            throw malformed("it ends inside the header");
        }
        return objectDtype(new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    /** Whether the {@code descr} of the header, a type string or a list of fields, has an object type. */
    static boolean objectDtype(final String header) throws UnreadableArtifactException {
        Matcher key = DESCR.matcher(header);
        if (!key.find()) {
            throw malformed("its header has no 'descr'");
        }
        String descr = header.substring(key.end());
        if (descr.startsWith("[")) {
            descr = descr.substring(0, closingBracket(descr) + 1);
        }
        Matcher quoted = QUOTED.matcher(descr);
        while (quoted.find()) {
            String text = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            if (OBJECT_TYPE.matcher(text).matches()) {
                return true;
            }
            if (!descr.startsWith("[")) {
                return false;
            }
        }
        return false;
    }

    private static int closingBracket(final String descr) throws UnreadableArtifactException {
        int depth = 0;
        for (int i = 0; i < descr.length(); i++) {
            char current = descr.charAt(i);
            if (current == '[') {
                depth++;
            }
            else if (current == ']' && --depth == 0) {
                return i;
            }
        }
        throw malformed("its 'descr' list is not closed");
    }

    private static UnreadableArtifactException malformed(final String problem) {
        return new UnreadableArtifactException("it is not a valid .npy file: " + problem);
    }
}
