package io.mlgitops.compliance.security;

import io.mlgitops.compliance.security.ImportPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How imports are judged: dangerous first, then the allow list, then not allowed. */
class ImportPolicyTest {
    private static final ImportPolicy DEFAULTS = new ImportPolicy(List.of(), true);

    private static ImportPattern pattern(final String text) {
        return ImportPattern.parse(text).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"posix, system", "os, system", "os.path, join", "nt, system", "subprocess, Popen",
        "commands, getoutput", "builtins, eval", "__builtin__, eval", "builtins, getattr", "__builtin__, apply",
        "builtins, __import__", "__builtin__, reduce", "functools, partial", "operator, attrgetter",
        "_operator, methodcaller", "types, CodeType", "cloudpickle.cloudpickle, _make_function",
        "cloudpickle.cloudpickle, subimport", "dill._dill, _create_code", "torch.serialization, load",
        "torch, load", "numpy, load", "numpy.testing._private.utils, runstring", "numpy.f2py.crackfortran, eval",
        "pandas, read_pickle", "pandas.io.pickle, read_pickle", "joblib, load", "webbrowser, open",
        "requests.api, get", "aiohttp.client, ClientSession", "http.client, HTTPSConnection",
        "socket, create_connection",
        "sys, exit", "runpy, _run_code", "pty, spawn", "pickle, loads", "_pickle, loads", "shutil, rmtree",
        "pdb, run", "bdb, Bdb", "asyncio, run", "ctypes, CDLL", "pydoc, locate", "timeit, timeit",
        "cProfile, run", "importlib, import_module", "marshal, loads", "code, InteractiveInterpreter",
        "sklearn.utils, os.system", "numpy, sys.modules", "sklearn.base, load", "mypackage, system"})
    void shouldFindDangerousImportsWhateverTheAllowList(final String module, final String name) {
        ImportPolicy allowEverything = new ImportPolicy(List.of(pattern(module + "." + name),
                pattern(module.split("\\.")[0] + ".*")), true);

        assertThat(allowEverything.judge(PickleGlobal.of(module, name))).isEqualTo(Verdict.DANGEROUS);
    }

    @ParameterizedTest
    @CsvSource({"sklearn.ensemble._forest, RandomForestClassifier", "sklearn.pipeline, Pipeline",
        "numpy._core.multiarray, _reconstruct", "numpy, dtype", "numpy.random._pickle, __bit_generator_ctor",
        "scipy.sparse._csr, csr_matrix", "joblib.numpy_pickle, NumpyArrayWrapper", "collections, OrderedDict",
        "copy_reg, _reconstructor", "copyreg, _reconstructor", "_codecs, encode", "__builtin__, set",
        "__builtin__, xrange", "builtins, bytearray", "torch._utils, _rebuild_tensor_v2", "torch, FloatStorage",
        "pandas.core.frame, DataFrame", "xgboost.sklearn, XGBClassifier", "lightgbm.basic, Booster"})
    void shouldAllowWhatCommonModelLibrariesPickle(final String module, final String name) {
        assertThat(DEFAULTS.judge(PickleGlobal.of(module, name))).isEqualTo(Verdict.ALLOWED);
    }

    @ParameterizedTest
    @CsvSource({"mypackage.features, Scaler", "sklearn.base, BaseEstimator.__dict__", "scipy.stats, norm",
        "numpyx, dtype", "builtins, type", "torch.nn.modules.linear, Linear", "xgboost.core, _load_lib"})
    void shouldRefuseAnythingElse(final String module, final String name) {
        assertThat(DEFAULTS.judge(PickleGlobal.of(module, name))).isEqualTo(Verdict.NOT_ALLOWED);
    }

    @Test
    void shouldAllowThePolicysOwnEntriesAndDropTheDefaultsOnRequest() {
        ImportPolicy own = new ImportPolicy(List.of(pattern("mypackage.*"), pattern("other.models.Net")), false);

        assertThat(own.judge(PickleGlobal.of("mypackage.features", "Scaler"))).isEqualTo(Verdict.ALLOWED);
        assertThat(own.judge(PickleGlobal.of("mypackage", "Scaler"))).isEqualTo(Verdict.ALLOWED);
        assertThat(own.judge(PickleGlobal.of("other.models", "Net"))).isEqualTo(Verdict.ALLOWED);
        assertThat(own.judge(PickleGlobal.of("other.models", "Other"))).isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(own.judge(PickleGlobal.of("mypackagex", "Scaler"))).isEqualTo(Verdict.NOT_ALLOWED);
        assertThat(own.judge(PickleGlobal.of("sklearn.pipeline", "Pipeline"))).isEqualTo(Verdict.NOT_ALLOWED);
    }

    @Test
    void shouldJudgeUnreadableImportsUnknown() {
        assertThat(DEFAULTS.judge(PickleGlobal.unknown("sklearn", null))).isEqualTo(Verdict.UNKNOWN);
        assertThat(DEFAULTS.judge(PickleGlobal.unknown(null, "extension_5"))).isEqualTo(Verdict.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sklearn", "*", "sklearn.*.tree", "sklearn*", "a..b", ".a.b", "a.b.", "os.sys tem",
        "a.b*"})
    void shouldRejectPatternsThatAreNotModuleDotName(final String text) {
        assertThat(ImportPattern.parse(text)).isEmpty();
    }

    @Test
    void shouldMatchWildcardsOnlyOnTopLevelNamesOfTheModuleAndItsSubmodules() {
        ImportPattern wildcard = pattern("sklearn.*");

        assertThat(wildcard.matches("sklearn", "clone")).isTrue();
        assertThat(wildcard.matches("sklearn.tree._classes", "DecisionTreeClassifier")).isTrue();
        assertThat(wildcard.matches("sklearnx", "clone")).isFalse();
        assertThat(wildcard.matches("sklearn.base", "BaseEstimator.mro")).isFalse();
        assertThat(pattern("a.b.C").matches("a.b", "C")).isTrue();
        assertThat(pattern("a.b.C").matches("a", "b.C")).isTrue();
        assertThat(pattern("a.b.C").matches("a.b", "D")).isFalse();
    }
}
