package io.mlgitops.gitops.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of text spans, applied together; everything outside the spans stays as it was. */
final class TextEdits {
    private final List<Splice> splices = new ArrayList<>();

    private record Splice(int start, int end, String text) {
    }

    void replace(final int start, final int end, final String text) {
        splices.add(new Splice(start, end, text));
    }

    void insert(final int offset, final String text) {
        replace(offset, offset, text);
    }

    boolean isEmpty() {
        return splices.isEmpty();
    }

    String applyTo(final String text) {
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::end));
        StringBuilder result = new StringBuilder(text.length() + 64);
        int copied = 0;
        for (Splice splice : ordered) {
            if (splice.start() < copied) {
                throw new IllegalStateException("Overlapping edits at offset " + splice.start());
            }
            result.append(text, copied, splice.start()).append(splice.text());
            copied = splice.end();
        }
        return result.append(text, copied, text.length()).toString();
    }
}
