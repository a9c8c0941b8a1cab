package io.mlgitops.compliance.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The imports of a stream holding one or more pickles one after the other (as repeated {@code pickle.dump} calls
 * write them), and why the stream could not be read to its end.
 *
 * @param imports every import met, in order, each once; also those met before a malformed part
 * @param pickles the number of complete pickles read
 * @param problem why the stream is not a well-formed sequence of pickles; empty when it is
 */
record PickleScan(List<PickleGlobal> imports, int pickles, String problem) {
    PickleScan {
        imports = List.copyOf(imports);
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Reads pickles until the end of {@code in}, or until {@code maxPickles} were read (what follows them is then not
     * pickle data, e.g. the raw storages of a legacy PyTorch file).
     *
     * @throws IOException when {@code in} cannot be read
     */
    static PickleScan of(final InputStream in, final int maxPickles) throws IOException {
        PickleInput input = new PickleInput(in);
        Set<PickleGlobal> imports = new LinkedHashSet<>();
        int pickles = 0;
        try {
            int first = input.next();
            if (first < 0) {
                return new PickleScan(List.of(), 0, "the stream is empty, it holds no pickle");
            }
            while (first >= 0 && pickles < maxPickles) {
                new PickleMachine(input, imports, false, 0).run(first);
                pickles++;
                first = pickles < maxPickles ? input.next() : -1;
            }
            return new PickleScan(List.copyOf(imports), pickles, "");
        }
        catch (MalformedPickleException malformed) {
            String which = pickles == 0 ? "the pickle" : "pickle " + (pickles + 1) + " of the stream";
            return new PickleScan(List.copyOf(imports), pickles, which + " is malformed: " + malformed.getMessage());
        }
    }
}
