package io.mlgitops.compliance.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports that let a pickle run code, commands or a debugger, read or write files, reach the network or load another
 * pickle. Gathered from modelscan's CRITICAL and HIGH lists (protectai/modelscan, modelscan/settings.py) and
 * picklescan's unsafe globals (mmaitre314/picklescan, src/picklescan/scanner.py), plus the loaders and code
 * builders of numpy, pandas, joblib, torch, cloudpickle and dill. Such an import fails even when the allow list
 * names it.
 */
final class DangerousImports {
    /** Every name of these modules, and of their submodules, is dangerous. */
    private static final List<String> WHOLE_MODULES = List.of(
            "os", "posix", "nt", "subprocess", "_posixsubprocess", "sys", "socket", "socketserver", "shutil",
            "runpy", "pty", "pickle", "_pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "pdb", "bdb",
            "asyncio", "ctypes", "_ctypes", "webbrowser", "httplib", "http", "urllib", "urllib2", "urllib3",
            "requests", "aiohttp", "ssl", "ftplib", "smtplib", "telnetlib", "xmlrpc", "multiprocessing", "signal",
            "pydoc", "timeit", "cProfile", "profile", "trace", "code", "codeop", "importlib", "pkgutil", "commands",
            "operator", "_operator", "pip", "venv", "ensurepip", "distutils", "setuptools", "idlelib", "lib2to3",
            "doctest", "numpy.testing", "numpy.f2py", "numpy.distutils", "numpy.ctypeslib", "numpy.lib.npyio",
            "numpy.lib._npyio_impl", "numpy.lib.format", "numpy.lib._datasource", "numpy._core.memmap",
            "numpy.core.memmap", "pandas.io", "pandas.core.computation", "sklearn.datasets", "sklearn.utils._testing",
            "torch.serialization", "torch.hub", "torch.jit", "torch.fx", "torch._dynamo", "torch._inductor",
            "torch.utils");

    /** These names of these modules are dangerous. */
    private static final Map<String, Set<String>> NAMES = Map.of(
            "builtins", Set.of("eval", "exec", "execfile", "compile", "getattr", "setattr", "delattr", "apply",
                    "open", "breakpoint", "__import__", "input", "globals", "locals", "vars", "help", "exit",
                    "quit", "reload", "file", "reduce", "intern"),
            "functools", Set.of("partial", "partialmethod", "reduce"),
            "types", Set.of("CodeType", "FunctionType", "LambdaType", "MethodType", "ModuleType"),
            "io", Set.of("open", "open_code", "FileIO"),
            "_io", Set.of("open", "open_code", "FileIO"),
            "codecs", Set.of("open"),
            "numpy", Set.of("load", "save", "savez", "savez_compressed", "savetxt", "loadtxt", "genfromtxt",
                    "fromfile", "fromregex", "memmap", "DataSource"),
            "pandas", Set.of("read_pickle", "eval", "to_pickle"),
            "joblib", Set.of("load", "dump"),
            "torch", Set.of("load"));

    /**
     * Names that are dangerous in any module: a module that imported {@code system} or {@code load} from another
     * exposes it under its own name, so a pickle can reach it through an allowed module.
     */
    private static final Set<String> ANYWHERE = Set.of("eval", "exec", "execfile", "compile", "__import__",
            "getattr", "setattr", "delattr", "breakpoint", "open", "system", "popen", "Popen", "spawn",
            "check_output", "check_call", "load", "loads", "read_pickle", "urlopen", "urlretrieve", "import_module",
            "load_module", "exec_module", "run_path", "run_module", "runcode");

    /** Dangerous names by module; an empty set stands for every name. */
    private static final Map<String, Set<String>> TABLE = table();

    private DangerousImports() {
    }

    private static Map<String, Set<String>> table() {
        Map<String, Set<String>> table = new HashMap<>(NAMES);
        WHOLE_MODULES.forEach(module -> table.put(module, Set.of()));
        return Map.copyOf(table);
    }

    /**
     * Whether importing {@code module.name} is dangerous: the module or a parent is dangerous as a whole, the name is
     * dangerous in it, or the name, when it is a dotted path, reaches a dangerous module or name.
     */
    static boolean contains(final String module, final String name) {
        String[] parts = (module + "." + name).split("\\.", -1);
        int moduleParts = module.split("\\.", -1).length;
        for (int i = moduleParts; i < parts.length; i++) {
            if (ANYWHERE.contains(parts[i])) {
                return true;
            }
        }
        if (dangerousFrom(parts, 0)) {
            return true;
        }
        for (int start = moduleParts; start < parts.length; start++) {
            if (dangerousFrom(parts, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a module path starting at {@code parts[start]} is dangerous, or a name right after it is. */
    private static boolean dangerousFrom(final String[] parts, final int start) {
        StringBuilder path = new StringBuilder();
        for (int end = start; end < parts.length; end++) {
            if (end > start) {
                path.append('.');
            }
            path.append(parts[end]);
            Set<String> names = TABLE.get(path.toString());
            if (names != null && (names.isEmpty() || end + 1 < parts.length && names.contains(parts[end + 1]))) {
                return true;
            }
        }
        return false;
    }
}
