package io.mlgitops.compliance.security;

import io.mlgitops.compliance.security.PickleValue.Dict;
import io.mlgitops.compliance.security.PickleValue.Instance;
import io.mlgitops.compliance.security.PickleValue.Int;
import io.mlgitops.compliance.security.PickleValue.Items;
import io.mlgitops.compliance.security.PickleValue.Text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The array data joblib writes into the pickle stream right after the {@code BUILD} of a {@code NumpyArrayWrapper}
 * (joblib/numpy_pickle.py, {@code NumpyArrayWrapper.write_array}): for an object array, a whole nested pickle; for
 * other arrays, optionally one byte giving a padding length and that many padding bytes (when the wrapper's
 * {@code numpy_array_alignment_bytes} is set), then the raw elements. The wrapper's state gives the dtype and shape.
 *
 * @param objects whether the data is a nested pickle (the dtype holds Python objects)
 * @param aligned whether a padding-length byte and the padding come first
 * @param bytes   the length of the raw elements, when not {@code objects}
 */
record JoblibArray(boolean objects, boolean aligned, long bytes) {
    private static final Pattern TYPE_CODE = Pattern.compile("[|<>=]?([A-Za-z])(\\d*)");
    private static final int DTYPE_ELEMENT_SIZE = 5;
    private static final int DTYPE_FLAGS = 7;
    private static final long HAS_OBJECT = 1;

    static boolean isWrapper(final PickleValue value) {
        return value instanceof Instance instance && instance.is("joblib.numpy_pickle", "NumpyArrayWrapper");
    }

    /** Reads the layout from the state the wrapper was built with. */
    static JoblibArray of(final PickleValue state, final long position) throws MalformedPickleException {
        if (!(state instanceof Dict wrapper) || !(wrapper.get("dtype") instanceof Instance dtype)
                || !dtype.is("numpy", "dtype") || dtype.arguments().isEmpty()
                || !(dtype.arguments().get(0) instanceof Text typeCode)) {
            throw unreadable("its dtype", position);
        }
        Matcher code = TYPE_CODE.matcher(typeCode.value());
        if (!code.matches()) {
            throw unreadable("its dtype '" + typeCode.value() + "'", position);
        }
        List<PickleValue> dtypeState = dtype.state() instanceof Items items && items.complete() ? items.kept()
                : List.of();
        if (code.group(1).equals("O") || (integer(dtypeState, DTYPE_FLAGS, 0) & HAS_OBJECT) != 0) {
            return new JoblibArray(true, false, 0);
        }
        long itemSize = integer(dtypeState, DTYPE_ELEMENT_SIZE, -1);
        if (itemSize <= 0 && !code.group(2).isEmpty()) {
            itemSize = Long.parseLong(code.group(2));
        }
        if (itemSize <= 0) {
            throw unreadable("the item size of its dtype '" + typeCode.value() + "'", position);
        }
        boolean aligned = wrapper.get("numpy_array_alignment_bytes") instanceof Int;
        try {
            return new JoblibArray(false, aligned, Math.multiplyExact(elements(wrapper.get("shape"), position),
                    itemSize));
        }
        catch (ArithmeticException overflow) {
            throw unreadable("its size (more than 2^63 bytes)", position);
        }
    }

    private static long elements(final PickleValue shape, final long position) throws MalformedPickleException {
        if (!(shape instanceof Items dimensions) || !dimensions.complete()) {
            throw unreadable("its shape", position);
        }
        long count = 1;
        for (PickleValue dimension : dimensions.kept()) {
            if (!(dimension instanceof Int size) || size.value() < 0) {
                throw unreadable("its shape", position);
            }
            count = Math.multiplyExact(count, size.value());
        }
        return count;
    }

    private static long integer(final List<PickleValue> values, final int index, final long fallback) {
        return index < values.size() && values.get(index) instanceof Int value ? value.value() : fallback;
    }

    private static MalformedPickleException unreadable(final String what, final long position) {
        return new MalformedPickleException("a joblib NumpyArrayWrapper whose array data cannot be skipped: cannot "
                + "read " + what, position);
    }
}
