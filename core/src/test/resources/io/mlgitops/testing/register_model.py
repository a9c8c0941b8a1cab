"""Logs ONNX models to an MLflow tracking server and registers them as new model versions (test fixture).

Usage: python register_model.py SPEC [SPEC ...]
  SPEC is NAME=PATH or NAME=PATH@ALIAS[,ALIAS...]; PATH is an .onnx file or an MLflow model folder with model.onnx.
The server comes from MLFLOW_TRACKING_URI (and MLFLOW_TRACKING_USERNAME/PASSWORD when it needs them).
Prints one JSON object per SPEC: {"name", "version", "source", "aliases"}.
Tensors of 1 KiB or more are written to an external-data side file, as mlflow.onnx.save_model does by default for
models whose initializers hold raw bytes; initializers stored as typed lists are converted to raw bytes first so
that every model gets that layout.
"""
import json
import os
import sys

import mlflow
import mlflow.onnx
import onnx
from mlflow import MlflowClient
from onnx import numpy_helper


def parse(spec):
    name, _, rest = spec.partition("=")
    path, _, aliases = rest.partition("@")
    if not name or not path:
        raise SystemExit(f"bad SPEC {spec!r}: expected NAME=PATH[@ALIAS,...]")
    return name, path, [a for a in aliases.split(",") if a]


def load(path):
    if os.path.isdir(path):
        path = os.path.join(path, "model.onnx")
    model = onnx.load(path)
    for index, tensor in enumerate(model.graph.initializer):
        if not tensor.HasField("raw_data") and tensor.data_location != onnx.TensorProto.EXTERNAL:
            model.graph.initializer[index].CopyFrom(numpy_helper.from_array(numpy_helper.to_array(tensor),
                                                                            tensor.name))
    return model


def main(specs):
    client = MlflowClient()
    mlflow.set_experiment("mlgitops-tests")
    for spec in specs:
        name, path, aliases = parse(spec)
        with mlflow.start_run():
            info = mlflow.onnx.log_model(load(path), name="model", registered_model_name=name,
                                         save_as_external_data=True)
        version = str(info.registered_model_version)
        for alias in aliases:
            client.set_registered_model_alias(name, alias, version)
        registered = client.get_model_version(name, version)
        print(json.dumps({"name": name, "version": version, "source": registered.source, "aliases": aliases}),
              flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
