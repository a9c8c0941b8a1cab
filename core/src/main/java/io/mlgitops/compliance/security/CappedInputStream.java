package io.mlgitops.compliance.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a budget of bytes was read: decompressing a small file, or reading a zip entry, must not
 * expand without bound (zip bombs). The budget can be shared by several streams, e.g. the entries of one archive.
 */
final class CappedInputStream extends FilterInputStream {
    /** Bytes left to read, shared by the streams of one budget. */
    static final class Budget {
        private final long limit;
        private long left;

        Budget(final long limit) {
            this.limit = limit;
            this.left = limit;
        }

        private void spend(final long bytes) throws UnreadableArtifactException {
            left -= bytes;
            if (left < 0) {
                throw new UnreadableArtifactException("it expands to more than maxFileSize (" + limit + " bytes)");
            }
        }
    }

    private final Budget budget;

    CappedInputStream(final InputStream in, final Budget budget) {
        super(in);
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            budget.spend(1);
        }
        return value;
    }

    @Override
    public int read(final byte[] buffer, final int offset, final int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            budget.spend(count);
        }
        return count;
    }

    @Override
    public long skip(final long length) throws IOException {
        long skipped = super.skip(length);
        if (skipped > 0) {
            budget.spend(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
