package io.mlgitops.compliance.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges each import of a pickle: dangerous ones fail whatever the allow list says, then those the allow list (the
 * built-in one unless turned off, plus the policy's own entries) names pass, and every other one fails.
 */
final class ImportPolicy {
    /** What an import is judged to be; the label is what reports show. */
    enum Verdict {
        ALLOWED("allowed"), DANGEROUS("dangerous"), NOT_ALLOWED("not allowed"), UNKNOWN("unknown");

        private final String label;

        Verdict(final String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * What scikit-learn, numpy, scipy, pandas, joblib, xgboost, lightgbm and torch tensors pickle, with plain
     * collections and value types.
     */
    private static final List<String> DEFAULT_ALLOWED = List.of("sklearn.*", "numpy.*", "scipy.sparse.*",
            "joblib.numpy_pickle.NumpyArrayWrapper", "pandas.core.*", "pandas._libs.*", "xgboost.sklearn.*",
            "xgboost.core.Booster", "lightgbm.sklearn.*", "lightgbm.basic.Booster",
            "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter",
            "torch._utils._rebuild_parameter_with_state", "torch.Size", "torch.device", "torch.FloatStorage",
            "torch.DoubleStorage", "torch.HalfStorage", "torch.BFloat16Storage", "torch.LongStorage",
            "torch.IntStorage", "torch.ShortStorage", "torch.CharStorage", "torch.ByteStorage", "torch.BoolStorage",
            "torch.ComplexFloatStorage", "torch.ComplexDoubleStorage", "torch.QInt8Storage", "torch.QUInt8Storage",
            "torch.QInt32Storage", "torch.QUInt4x2Storage", "torch.QUInt2x4Storage", "torch.float16",
            "torch.bfloat16", "torch.float32", "torch.float64", "torch.int8", "torch.int16", "torch.int32",
            "torch.int64", "torch.uint8", "torch.bool", "collections.OrderedDict", "collections.defaultdict",
            "collections.Counter", "collections.deque", "copyreg._reconstructor", "_codecs.encode", "builtins.set",
            "builtins.frozenset", "builtins.slice", "builtins.range", "builtins.complex", "builtins.bytearray",
            "builtins.object", "builtins.int", "builtins.float", "builtins.list", "builtins.dict", "builtins.tuple",
            "builtins.str", "builtins.bytes", "builtins.bool", "datetime.datetime", "datetime.date", "datetime.time",
            "datetime.timedelta", "datetime.timezone", "decimal.Decimal");

    /** Python 2 module names that Python 3 pickles of protocols 0 to 2 write (Lib/_compat_pickle.py). */
    private static final Map<String, String> PYTHON2_MODULES = Map.of("__builtin__", "builtins",
            "copy_reg", "copyreg", "exceptions", "builtins");
    private static final Map<String, String> PYTHON2_BUILTINS = Map.of("xrange", "range", "unicode", "str",
            "long", "int", "basestring", "str");

    private final List<ImportPattern> allowed;

    /**
     * @param extra    the policy's own allowed imports
     * @param defaults whether {@link #DEFAULT_ALLOWED} applies too
     */
    ImportPolicy(final List<ImportPattern> extra, final boolean defaults) {
        List<ImportPattern> patterns = new ArrayList<>(extra);
        if (defaults) {
            DEFAULT_ALLOWED.forEach(text -> patterns.add(ImportPattern.parse(text).orElseThrow()));
        }
        this.allowed = List.copyOf(patterns);
    }

    Verdict judge(final PickleGlobal global) {
        if (!global.known()) {
            return Verdict.UNKNOWN;
        }
        String module = PYTHON2_MODULES.getOrDefault(global.module(), global.module());
        String name = module.equals("builtins") ? PYTHON2_BUILTINS.getOrDefault(global.name(), global.name())
                : global.name();
        if (DangerousImports.contains(global.module(), global.name()) || DangerousImports.contains(module, name)) {
            return Verdict.DANGEROUS;
        }
        return allowed.stream().anyMatch(pattern -> pattern.matches(module, name)) ? Verdict.ALLOWED
                : Verdict.NOT_ALLOWED;
    }
}
