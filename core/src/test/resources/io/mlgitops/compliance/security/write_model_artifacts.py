"""Writes the model files ModelArtifactsIT scans, and expected.json with the imports each benign file makes.

Usage: write_model_artifacts.py FOLDER

Benign files are written by scikit-learn, joblib, numpy and onnx. Malicious files are pickles whose __reduce__ names
os.system, builtins.eval or subprocess.Popen; they are written with pickle.dumps and never unpickled.
The expected imports of a plain pickle come from pickletools.genops (GLOBAL/INST arguments, and the two strings before
each STACK_GLOBAL, followed through the memo); for joblib files, whose array bytes genops cannot read, from the
find_class calls of joblib.load on the benign file we just wrote.
"""
import gzip
import io
import json
import os
import pickle
import pickletools
import subprocess
import sys
import types
import zipfile
from collections import OrderedDict

import joblib
import joblib.numpy_pickle
import numpy as np
import onnx
import pandas as pd
import sklearn
from onnx import TensorProto, helper, numpy_helper
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

STRING_OPS = {"STRING", "BINSTRING", "SHORT_BINSTRING", "UNICODE", "BINUNICODE", "SHORT_BINUNICODE", "BINUNICODE8"}
PUT_OPS = {"PUT", "BINPUT", "LONG_BINPUT"}
GET_OPS = {"GET", "BINGET", "LONG_BINGET"}


def genops_imports(data):
    """The (module, name) pairs a pickle imports, from its opcodes; raises when a STACK_GLOBAL operand is not a string
    (the benign files must not have any)."""
    imports = set()
    memo = {}
    strings = []  # the string each recent push left on top, or None
    for op, arg, _ in pickletools.genops(io.BytesIO(data)):
        if op.name == "MEMOIZE":
            memo[len(memo)] = strings[-1] if strings else None
        elif op.name in PUT_OPS:
            memo[arg] = strings[-1] if strings else None
        elif op.name in GET_OPS:
            strings.append(memo.get(arg))
        elif op.name in STRING_OPS:
            strings.append(arg)
        elif op.name in ("GLOBAL", "INST"):
            imports.add(tuple(arg.split(" ", 1)))
            strings.append(None)
        elif op.name == "STACK_GLOBAL":
            module, name = strings[-2], strings[-1]
            if module is None or name is None:
                raise ValueError("STACK_GLOBAL with a non-string operand")
            imports.add((module, name))
            strings.append(None)
        else:
            strings.append(None)
    return imports


class RecordingUnpickler(pickle._Unpickler):
    def __init__(self, file):
        super().__init__(file)
        self.found = set()

    def find_class(self, module, name):
        self.found.add((module, name))
        return super().find_class(module, name)


def loaded_imports(data):
    unpickler = RecordingUnpickler(io.BytesIO(data))
    unpickler.load()
    return unpickler.found


def joblib_imports(path):
    found = set()
    original = joblib.numpy_pickle.NumpyUnpickler.find_class

    def recording(self, module, name):
        found.add((module, name))
        return original(self, module, name)

    joblib.numpy_pickle.NumpyUnpickler.find_class = recording
    try:
        joblib.load(path)
    finally:
        joblib.numpy_pickle.NumpyUnpickler.find_class = original
    return found


def names(imports):
    return sorted(f"{module}.{name}" for module, name in imports)


def benign_model():
    rng = np.random.default_rng(7)
    frame = pd.DataFrame({"age": rng.normal(40, 10, 300), "income": rng.normal(50, 15, 300),
                          "region": rng.choice(["north", "south", "east"], 300)})
    target = (frame["age"] + rng.normal(0, 5, 300) > 40).astype(int)
    columns = ColumnTransformer([("num", StandardScaler(), ["age", "income"]),
                                 ("cat", OneHotEncoder(handle_unknown="ignore"), ["region"])])
    return Pipeline([("prepare", columns), ("model", HistGradientBoostingClassifier(max_iter=5))]).fit(frame, target)


class Payload:
    """Pickles as a call of `function(*arguments)`."""

    def __init__(self, function, *arguments):
        self.function = function
        self.arguments = arguments

    def __reduce__(self):
        return self.function, self.arguments


def fake_torch():
    """Registers stand-ins for the torch functions and classes a torch.save pickle names, so that pickle writes the
    same GLOBALs without torch being installed."""
    torch = types.ModuleType("torch")
    utils = types.ModuleType("torch._utils")

    def _rebuild_tensor_v2(*args):
        raise AssertionError("never called")

    _rebuild_tensor_v2.__module__ = "torch._utils"
    _rebuild_tensor_v2.__qualname__ = "_rebuild_tensor_v2"
    utils._rebuild_tensor_v2 = _rebuild_tensor_v2
    storage_type = type("FloatStorage", (), {"__module__": "torch"})
    torch.FloatStorage = storage_type
    torch._utils = utils
    sys.modules["torch"] = torch
    sys.modules["torch._utils"] = utils
    return _rebuild_tensor_v2, storage_type


class Tensor:
    def __init__(self, rebuild, storage):
        self.rebuild = rebuild
        self.storage = storage

    def __reduce__(self):
        return self.rebuild, (self.storage, 0, (2, 2), (2, 1), False, OrderedDict())


class Storage:
    def __init__(self, storage_type, key):
        self.storage_type = storage_type
        self.key = key


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return "storage", obj.storage_type, obj.key, "cpu", 4
        return None


def torch_zip(path, state):
    buffer = io.BytesIO()
    TorchPickler(buffer, protocol=2).dump(state)
    data = buffer.getvalue()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("archive/data.pkl", data)
        archive.writestr("archive/byteorder", "little")
        archive.writestr("archive/data/0", np.arange(4, dtype=np.float32).tobytes())
        archive.writestr("archive/version", "3\n")
    return data


def npy_pickle(path):
    """The pickle np.save writes after the header of an object array."""
    with open(path, "rb") as file:
        major, _ = np.lib.format.read_magic(file)
        if major == 1:
            np.lib.format.read_array_header_1_0(file)
        else:
            np.lib.format.read_array_header_2_0(file)
        return file.read()


def onnx_model(folder, location, external_file):
    """A MatMul whose weight tensor keeps its 16 bytes in `external_file`, referred to as `location`."""
    os.makedirs(folder, exist_ok=True)
    weights = numpy_helper.from_array(np.eye(2, dtype=np.float32), name="W")
    with open(external_file, "wb") as file:
        file.write(weights.raw_data)
    weights.ClearField("raw_data")
    weights.data_location = TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", "16")):
        entry = weights.external_data.add()
        entry.key = key
        entry.value = value
    graph = helper.make_graph([helper.make_node("MatMul", ["X", "W"], ["Y"])], "g",
                              [helper.make_tensor_value_info("X", TensorProto.FLOAT, [1, 2])],
                              [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [1, 2])], [weights])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    with open(os.path.join(folder, "model.onnx"), "wb") as file:
        file.write(model.SerializeToString())


def main(root):
    expected = {}
    benign = os.path.join(root, "benign")
    evil = os.path.join(root, "evil")
    for folder in (benign, evil):
        os.makedirs(folder)
    model = benign_model()

    for protocol in (0, 2, 4, 5):
        data = pickle.dumps(model, protocol=protocol)
        from_opcodes = genops_imports(data)
        if from_opcodes != loaded_imports(data):
            raise AssertionError(f"protocol {protocol}: genops and find_class disagree")
        name = f"sklearn_p{protocol}.pkl"
        with open(os.path.join(benign, name), "wb") as file:
            file.write(data)
        expected[f"benign/{name}"] = names(from_opcodes)

    for name, compress in (("sklearn.joblib", 0), ("sklearn_zlib.joblib", 3), ("sklearn_gzip.joblib", ("gzip", 3))):
        path = os.path.join(benign, name)
        joblib.dump(model, path, compress=compress)
        expected[f"benign/{name}"] = names(joblib_imports(path))
    joblib.dump(model, os.path.join(evil, "sklearn_bz2.joblib"), compress=("bz2", 3))

    rebuild, storage_type = fake_torch()
    state = OrderedDict([("linear.weight", Tensor(rebuild, Storage(storage_type, "0")))])
    expected["benign/torch_model.pt"] = names(genops_imports(torch_zip(os.path.join(benign, "torch_model.pt"), state)))

    objects = os.path.join(benign, "objects.npy")
    np.save(objects, np.array([{"threshold": 0.5}, "label", None], dtype=object), allow_pickle=True)
    expected["benign/objects.npy"] = names(genops_imports(npy_pickle(objects)))
    np.save(os.path.join(benign, "numbers.npy"), np.arange(6, dtype=np.int64))
    expected["benign/numbers.npy"] = []

    onnx_model(os.path.join(benign, "onnx"), "weights.bin", os.path.join(benign, "onnx", "weights.bin"))
    with open(os.path.join(benign, "README.md"), "w") as file:
        file.write("not a model\n")

    calls = {"os_system": (os.system, "echo pwned"), "eval": (eval, "print('pwned')"),
             "popen": (subprocess.Popen, "echo pwned")}
    for label, (function, argument) in calls.items():
        for protocol in (0, 4):
            with open(os.path.join(evil, f"{label}_p{protocol}.pkl"), "wb") as file:
                file.write(pickle.dumps(Payload(function, argument), protocol=protocol))
    with open(os.path.join(evil, "two_pickles.pkl"), "wb") as file:
        file.write(pickle.dumps([1, 2, 3], protocol=4) + pickle.dumps(Payload(os.system, "echo pwned"), protocol=2))
    p4 = pickle.dumps(model, protocol=4)
    with open(os.path.join(evil, "truncated.pkl"), "wb") as file:
        file.write(p4[: len(p4) // 2])
    np.save(os.path.join(evil, "evil_objects.npy"), np.array([Payload(os.system, "echo pwned")], dtype=object),
            allow_pickle=True)
    torch_zip(os.path.join(evil, "evil_torch.pt"), OrderedDict([("x", Payload(eval, "1 + 1"))]))

    escape = os.path.join(root, "onnx_escape")
    onnx_model(escape, "../outside.bin", os.path.join(root, "outside.bin"))

    versions = {"python": sys.version.split()[0], "sklearn": sklearn.__version__, "joblib": joblib.__version__,
                "numpy": np.__version__, "onnx": onnx.__version__}
    with open(os.path.join(root, "expected.json"), "w") as file:
        json.dump({"versions": versions, "imports": expected}, file, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
