package io.mlgitops.compliance.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** What the first bytes of a model file say it holds. */
enum ArtifactContent {
    ZIP(null), NPY(null), ZLIB(null), GZIP(null), BZ2("bz2"), XZ("xz"), LZMA("lzma"), LZ4("lz4"),
    OLD_JOBLIB("joblib's zlib format from before version 0.10"),
    /** The magic-number pickle a PyTorch file from before version 1.6 starts with. */
    LEGACY_TORCH(null),
    /** A pickle of protocol 2 or later, which starts with {@code PROTO}. */
    PICKLE(null),
    OTHER(null);

    /** How many bytes {@link #sniff} looks at. */
    static final int HEAD = 16;
    private static final byte[] LEGACY_TORCH_MAGIC = bytes(0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9,
            0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e);
    private static final int ZLIB_CHECK = 31;
    private static final int HIGHEST_PROTOCOL = 5;

    private final String compression;

    ArtifactContent(final String compression) {
        this.compression = compression;
    }

    /** The compression Java cannot read, or {@code null}. */
    String unreadableCompression() {
        return compression;
    }

    /** Looks at the first bytes of {@code in}, which must support mark and reset, and puts them back. */
    static ArtifactContent sniff(final InputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        return of(head);
    }

    static ArtifactContent of(final byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (startsWith(head, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return NPY;
        }
        if (Arrays.equals(head, 0, Math.min(head.length, LEGACY_TORCH_MAGIC.length), LEGACY_TORCH_MAGIC, 0,
                LEGACY_TORCH_MAGIC.length)) {
            return LEGACY_TORCH;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && (head[1] & 0xff) <= HIGHEST_PROTOCOL) {
            return PICKLE;
        }
        return compressed(head);
    }

    private static ArtifactContent compressed(final byte[] head) {
        if (head.length >= 2 && head[0] == 0x78 && ((head[0] & 0xff) << 8 | head[1] & 0xff) % ZLIB_CHECK == 0) {
            return ZLIB;
        }
        if (startsWith(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, 'B', 'Z', 'h')) {
            return BZ2;
        }
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        if (startsWith(head, 0x5d, 0, 0)) {
            return LZMA;
        }
        if (startsWith(head, 0x04, 0x22, 0x4d, 0x18)) {
            return LZ4;
        }
        return startsWith(head, 'Z', 'F') ? OLD_JOBLIB : OTHER;
    }

    private static boolean startsWith(final byte[] head, final int... prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, bytes(prefix), 0,
                prefix.length);
    }

    private static byte[] bytes(final int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
