#!/usr/bin/env python3
"""Generates the example data sets, ONNX models and reference outputs under examples/.

    .cache/venv/bin/python scripts/make-examples.py [--seed 20261128] [--out examples]

Everything is derived from --seed, so a second run writes byte-identical files (see examples/README.md for the
one field that is normalised after MLflow writes it). Last run with Python 3.11.7, scikit-learn 1.9.1,
skl2onnx 1.20.0, onnx 1.23.2, onnxruntime 1.32.0, mlflow 3.17.2, numpy 2.4.6, pandas 3.1.1; other versions print
a warning and may produce different bytes and numbers.

Reference numbers for the Java tests are computed from what the files hold:
  * data values are written as the shortest decimal that parses back to the same float64;
  * ONNX outputs are float32; the *-onnx-predictions.csv files hold their exact float64 widening (repr), so
    parsing a cell either as float or as double gives exactly the value ONNX Runtime returned;
  * expected-metrics.json holds scikit-learn's metrics on those widened ONNX outputs.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import shutil
import sys
import uuid
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261128
TESTED_VERSIONS = {
    "scikit-learn": "1.9.1",
    "skl2onnx": "1.20.0",
    "onnx": "1.23.2",
    "onnxruntime": "1.32.0",
    "mlflow": "3.17.2",
    "numpy": "2.4.6",
    "pandas": "3.1.1",
}
# Opsets every ONNX Runtime since 1.14 runs (the Java engine pins its own runtime version).
TARGET_OPSET = {"": 18, "ai.onnx.ml": 3}
# MLflow writes the save time and a random uuid into MLmodel; both are replaced by fixed values.
FIXED_MLMODEL_TIME = "2026-11-28 00:00:00.000000"
MAX_EXAMPLES_BYTES = 5 * 1024 * 1024

CHURN_TARGET = "churned"
CHURN_FLOAT_COLUMNS = ["monthly_charges", "total_charges"]
CHURN_INT_COLUMNS = ["senior_citizen", "tenure_months", "support_calls"]
CHURN_TEXT_COLUMNS = ["gender", "age_band", "region", "contract", "payment_method", "internet_service",
                      "paperless_billing"]
MULTICLASS_TARGET = "tier"
REGRESSION_TARGET = "price"
PACKED_INPUT = "input"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=SEED, help=f"master seed (default {SEED})")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "examples",
                        help="output folder (default: examples/ of this repository)")
    args = parser.parse_args()
    warn_on_version_drift()
    warnings.filterwarnings("ignore", category=FutureWarning)
    # float32 probabilities do not sum to exactly 1; scikit-learn warns and (since 1.5) does not renormalise.
    warnings.filterwarnings("ignore", message="The y_prob values do not sum to one")

    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    churn_seed, multiclass_seed, regression_seed = np.random.SeedSequence(args.seed).spawn(3)
    make_churn(np.random.default_rng(churn_seed), out / "churn", args.seed)
    make_multiclass(np.random.default_rng(multiclass_seed), out / "multiclass", args.seed)
    make_regression(np.random.default_rng(regression_seed), out / "regression")
    make_csv_edge_cases(out / "csv")

    total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"examples: {total / 1024:.0f} KiB in {out}")
    assert total < MAX_EXAMPLES_BYTES, f"examples/ is {total} bytes, above the {MAX_EXAMPLES_BYTES} budget"


def warn_on_version_drift() -> None:
    from importlib.metadata import version
    for package, tested in TESTED_VERSIONS.items():
        installed = version(package)
        if installed != tested:
            print(f"warning: {package} {installed} is installed, the examples were made with {tested}",
                  file=sys.stderr)


# ---------------------------------------------------------------------------------------------------------------
# churn: binary, mixed column types, per-column ONNX inputs

def make_churn(rng: np.random.Generator, out: Path, seed: int) -> None:
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    reset_folder(out)
    frame = churn_frame(rng, 6000)
    train, test = frame.iloc[:3000].reset_index(drop=True), frame.iloc[3000:].reset_index(drop=True)
    write_frame(train, out / "train.csv")
    write_frame(test, out / "test.csv")
    features = [c for c in frame.columns if c not in ("customer_id", CHURN_TARGET)]
    x_train, y_train = train[features], train[CHURN_TARGET].to_numpy()
    x_test, y_test = test[features], test[CHURN_TARGET].to_numpy()
    model_seed = int(rng.integers(2**31))

    champion = churn_pipeline(LogisticRegression(max_iter=2000)).fit(x_train, y_train)
    candidate = churn_pipeline(GradientBoostingClassifier(
        n_estimators=150, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=model_seed)).fit(x_train, y_train)
    noisy = train.sample(n=250, random_state=model_seed)
    noisy_labels = noisy[CHURN_TARGET].to_numpy().copy()
    flipped = rng.random(len(noisy_labels)) < 0.3
    noisy_labels[flipped] = 1 - noisy_labels[flipped]
    degraded = churn_pipeline(GradientBoostingClassifier(
        n_estimators=150, max_depth=3, learning_rate=0.1, random_state=model_seed)).fit(noisy[features], noisy_labels)

    input_types = per_column_types(train[features])
    feeds = per_column_feeds(test[features])
    models = {
        "champion": (champion, to_onnx(champion, "churn_champion", input_types, zipmap=True)),
        "candidate": (candidate, to_onnx(candidate, "churn_candidate", input_types, zipmap=False)),
        "candidate-degraded": (degraded, to_onnx(degraded, "churn_candidate_degraded", input_types, zipmap=False)),
    }
    metrics = {}
    sklearn_metrics = {}
    for name, (pipeline, onnx_model) in models.items():
        save_onnx(onnx_model, out / f"{name}.onnx")
        labels, classes, proba = run_onnx(out / f"{name}.onnx", feeds, pipeline.classes_)
        assert classes == [0, 1], classes
        write_columns(out / f"{name}-onnx-predictions.csv", {
            "prediction": [int(v) for v in labels],
            "probability_0": proba[:, 0],
            "probability_1": proba[:, 1]})
        sk_proba = pipeline.predict_proba(x_test)[:, 1]
        sk_labels = pipeline.predict(x_test)
        if name != "candidate-degraded":
            write_columns(out / f"{name}-sklearn-predictions.csv", {
                "prediction": [int(v) for v in sk_labels], "probability": sk_proba})
        report_agreement(f"churn {name}", sk_labels, labels, sk_proba, proba[:, 1])
        metrics[name] = binary_metrics(y_test, labels.astype(np.int64), proba[:, 1])
        sklearn_metrics[name] = binary_metrics(y_test, sk_labels, sk_proba)

    for source, values in (("onnx", metrics), ("sklearn", sklearn_metrics)):
        champ, cand, worse = values["champion"], values["candidate"], values["candidate-degraded"]
        print(f"churn ({source}): accuracy champion {champ['accuracy_score']:.4f} candidate "
              f"{cand['accuracy_score']:.4f} degraded {worse['accuracy_score']:.4f}; f1_weighted champion "
              f"{champ['f1_weighted']:.4f} candidate {cand['f1_weighted']:.4f} degraded {worse['f1_weighted']:.4f}")
        assert (cand["accuracy_score"] - champ["accuracy_score"] >= 0.01
                or cand["f1_weighted"] - champ["f1_weighted"] >= 0.01), "the candidate must beat the champion by 0.01"
        assert worse["accuracy_score"] <= champ["accuracy_score"] - 0.05, "the degraded model must be clearly worse"

    write_json(out / "expected-metrics.json", {
        "dataset": "test.csv", "target": CHURN_TARGET, "task": "binary", "positive_label": 1,
        "source": "scikit-learn on the ONNX Runtime outputs in <model>-onnx-predictions.csv",
        "models": metrics})
    signature = churn_signature(input_types)
    save_mlflow_model(models["candidate"][1], out / "mlflow-candidate", signature, f"churn-candidate-{seed}")


def churn_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Telco-style customers; churn depends on thresholds and interactions a linear model cannot express."""
    gender = rng.choice(["Female", "Male"], n)
    age = rng.integers(18, 86, n)
    age_band = np.select([age < 30, age < 45, age < 60], ["18-29", "30-44", "45-59"], "60+")
    senior = ((age >= 65) | ((age >= 60) & (rng.random(n) < 0.3))).astype(np.int64)
    region = rng.choice(["eu", "us", "apac", "latam"], n, p=[0.35, 0.35, 0.2, 0.1])
    tenure = np.minimum(72, 1 + np.floor(rng.exponential(22, n))).astype(np.int64)
    tenure[rng.random(n) < 0.025] = 0
    contract_weights = np.clip(np.stack([0.6 - tenure / 150, np.full(n, 0.25), 0.15 + tenure / 200], 1), 0.05, None)
    contract_weights /= contract_weights.sum(1, keepdims=True)
    u = rng.random(n)
    contract = np.where(u < contract_weights[:, 0], "Month-to-month",
                        np.where(u < contract_weights[:, 0] + contract_weights[:, 1], "One year", "Two year"))
    internet = rng.choice(["DSL", "Fiber optic", "No"], n, p=[0.35, 0.45, 0.2])
    payment = rng.choice(["Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)"],
                         n, p=[0.34, 0.22, 0.22, 0.22])
    paperless = np.where(rng.random(n) < np.where(age >= 60, 0.4, 0.65), "Yes", "No")
    base_charge = np.select([internet == "Fiber optic", internet == "DSL"], [80.0, 55.0], 22.0)
    monthly = np.clip(base_charge + rng.normal(0, 12, n) - 5 * (contract == "Two year"), 18.25, 120.0)
    monthly = decimals(monthly, 2)
    total = decimals(monthly * tenure * rng.normal(1.0, 0.05, n), 2)
    total[tenure == 0] = np.nan
    support = rng.poisson(np.where(internet == "Fiber optic", 2.0, 1.2), n).astype(np.int64)

    month_to_month = contract == "Month-to-month"
    fiber = internet == "Fiber optic"
    logit = (-1.4
             + 2.2 * np.exp(-tenure / 6.0) * month_to_month
             + np.select([month_to_month, contract == "One year"], [0.9, -0.6], -1.8)
             + 1.6 * (fiber & month_to_month & (monthly > 85))
             + np.where(support >= 4, 1.8, 0.0) - 0.15 * support
             + 0.9 * ((payment == "Electronic check") & (paperless == "Yes"))
             + 0.8 * (senior * fiber) - 0.3 * senior
             + 1.2 * ((region == "apac") & (support >= 3)) - 0.4 * (region == "apac")
             + 0.8 * np.sin(tenure / 6.0) * (contract == "One year"))
    churned = (rng.random(n) < 1 / (1 + np.exp(-1.8 * logit))).astype(np.int64)
    return pd.DataFrame({
        "customer_id": [f"C{100001 + i}" for i in range(n)],
        "gender": gender, "age_band": age_band, "senior_citizen": senior, "region": region,
        "tenure_months": tenure, "contract": contract, "payment_method": payment, "internet_service": internet,
        "paperless_billing": paperless, "monthly_charges": monthly, "total_charges": total,
        "support_calls": support, CHURN_TARGET: churned})


def churn_pipeline(classifier):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    # skl2onnx's imputer keeps its input type, so float and int64 columns get separate branches; the integer
    # columns have no missing values and are only scaled.
    preprocess = ColumnTransformer([
        ("float", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
         CHURN_FLOAT_COLUMNS),
        ("int", StandardScaler(), CHURN_INT_COLUMNS),
        ("text", OneHotEncoder(handle_unknown="ignore"), CHURN_TEXT_COLUMNS),
    ])
    return Pipeline([("preprocess", preprocess), ("classifier", classifier)])


def churn_signature(input_types):
    from mlflow.models import ModelSignature
    from mlflow.types import ColSpec, Schema, TensorSpec
    from skl2onnx.common.data_types import FloatTensorType, Int64TensorType

    def col_type(tensor_type):
        if isinstance(tensor_type, FloatTensorType):
            return "float"
        return "long" if isinstance(tensor_type, Int64TensorType) else "string"

    inputs = Schema([ColSpec(col_type(t), name) for name, t in input_types])
    outputs = Schema([TensorSpec(np.dtype(np.int64), (-1,), "label"),
                      TensorSpec(np.dtype(np.float32), (-1, 2), "probabilities")])
    return ModelSignature(inputs=inputs, outputs=outputs)


# ---------------------------------------------------------------------------------------------------------------
# multiclass: string labels, numeric features, one packed float input

def make_multiclass(rng: np.random.Generator, out: Path, seed: int) -> None:
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    reset_folder(out)
    frame = multiclass_frame(rng, 1200)
    train, test = frame.iloc[:600].reset_index(drop=True), frame.iloc[600:].reset_index(drop=True)
    write_frame(train, out / "train.csv")
    write_frame(test, out / "test.csv")
    features = [c for c in frame.columns if c != MULTICLASS_TARGET]
    x_train, y_train = train[features].to_numpy(np.float64), train[MULTICLASS_TARGET].to_numpy()
    x_test, y_test = test[features].to_numpy(np.float64), test[MULTICLASS_TARGET].to_numpy()
    model_seed = int(rng.integers(2**31))

    champion = Pipeline([("scale", StandardScaler()), ("classifier", LogisticRegression(max_iter=2000))])
    candidate = GradientBoostingClassifier(n_estimators=80, max_depth=3, learning_rate=0.1, random_state=model_seed)
    mlp = Pipeline([("scale", StandardScaler()), ("classifier", MLPClassifier(
        hidden_layer_sizes=(64, 32), max_iter=2000, random_state=model_seed))])
    packed = [(PACKED_INPUT, float_tensor_type(len(features)))]
    models = {
        "champion": (champion.fit(x_train, y_train), True),
        "candidate": (candidate.fit(x_train, y_train), False),
        "mlp": (mlp.fit(x_train, y_train), True),
    }
    metrics = {}
    for name, (model, zipmap) in models.items():
        onnx_model = to_onnx(model, f"multiclass_{name}", packed, zipmap=zipmap)
        if name == "mlp":
            model_dir = out / "mlflow-mlp"
            signature = packed_signature(len(features))
            save_mlflow_model(with_raw_tensor_data(onnx_model), model_dir, signature, f"multiclass-mlp-{seed}")
            check_external_data(model_dir)
            onnx_path = model_dir / "model.onnx"
        else:
            onnx_path = out / f"{name}.onnx"
            save_onnx(onnx_model, onnx_path)
        labels, classes, proba = run_onnx(onnx_path, {PACKED_INPUT: x_test.astype(np.float32)}, model.classes_)
        assert classes == sorted(set(y_train)), classes
        write_columns(out / f"{name}-onnx-predictions.csv", {
            "prediction": list(labels), **{f"probability_{c}": proba[:, i] for i, c in enumerate(classes)}})
        sk_proba = model.predict_proba(x_test)
        sk_labels = model.predict(x_test)
        write_columns(out / f"{name}-sklearn-predictions.csv", {
            "prediction": list(sk_labels), **{f"probability_{c}": sk_proba[:, i] for i, c in enumerate(classes)}})
        report_agreement(f"multiclass {name}", sk_labels, labels, sk_proba, proba)
        metrics[name] = multiclass_metrics(y_test, labels, proba, list(classes))
        print(f"multiclass {name}: accuracy {metrics[name]['accuracy_score']:.4f} "
              f"f1_weighted {metrics[name]['f1_score']:.4f} roc_auc {metrics[name]['roc_auc']:.4f}")
    write_json(out / "expected-metrics.json", {
        "dataset": "test.csv", "target": MULTICLASS_TARGET, "task": "multiclass", "average": "weighted",
        "classes": sorted(set(y_train)),
        "source": "scikit-learn on the ONNX Runtime outputs in <model>-onnx-predictions.csv",
        "models": metrics})


def multiclass_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Loyalty tiers of shop customers; integer-valued columns are written without a decimal point."""
    annual_spend = decimals(rng.lognormal(7.0, 0.8, n), 2)
    orders = rng.poisson(np.clip(annual_spend / 120.0, 1, None)).astype(np.int64)
    avg_basket = decimals(annual_spend / np.maximum(orders, 1) * rng.normal(1.0, 0.1, n), 2)
    days_since_last_order = np.floor(rng.exponential(40, n)).astype(np.int64)
    return_rate = decimals(rng.beta(2, 12, n), 3)
    tenure_years = decimals(rng.gamma(2.0, 2.0, n), 1)
    score = (np.log(annual_spend) + 0.25 * np.sqrt(orders)
             - 1.5 * (days_since_last_order > 60) - 1.0 * (days_since_last_order > 120)
             - 2.5 * (return_rate > 0.2)
             + 0.8 * ((tenure_years > 4) & (avg_basket > 120))
             + 0.5 * np.tanh(tenure_years - 3) + rng.normal(0, 0.25, n))
    low, high = np.quantile(score, [0.45, 0.8])
    tier = np.select([score < low, score < high], ["bronze", "silver"], "gold")
    return pd.DataFrame({"annual_spend": annual_spend, "orders": orders, "avg_basket": avg_basket,
                         "days_since_last_order": days_since_last_order, "return_rate": return_rate,
                         "tenure_years": tenure_years, MULTICLASS_TARGET: tier})


def packed_signature(width: int):
    from mlflow.models import ModelSignature
    from mlflow.types import Schema, TensorSpec
    return ModelSignature(inputs=Schema([TensorSpec(np.dtype(np.float32), (-1, width), PACKED_INPUT)]))


def with_raw_tensor_data(model):
    """skl2onnx stores initializers as float_data, which onnx never moves to external data; raw_data it moves."""
    import onnx
    from onnx import numpy_helper
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    for tensor in copy.graph.initializer:
        if not tensor.HasField("raw_data"):
            tensor.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(tensor), tensor.name))
    return copy


def check_external_data(model_dir: Path) -> None:
    """The MLP's weight matrices must live in a side file next to model.onnx, as MLflow stores large tensors."""
    import onnx
    from onnx.external_data_helper import uses_external_data

    model = onnx.load(str(model_dir / "model.onnx"), load_external_data=False)
    external = [t for t in model.graph.initializer if uses_external_data(t)]
    locations = {entry.value for t in external for entry in t.external_data if entry.key == "location"}
    assert external and len(locations) == 1, "the MLP's weights were not stored as external data"
    side_file = model_dir / locations.pop()
    assert side_file.is_file() and side_file.stat().st_size > 0, side_file
    print(f"multiclass mlp: {len(external)} tensors in side file {side_file.name} ({side_file.stat().st_size} bytes)")


# ---------------------------------------------------------------------------------------------------------------
# regression: numeric target, one packed float input

def make_regression(rng: np.random.Generator, out: Path) -> None:
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.linear_model import LinearRegression

    reset_folder(out)
    frame = regression_frame(rng, 1000)
    train, test = frame.iloc[:500].reset_index(drop=True), frame.iloc[500:].reset_index(drop=True)
    write_frame(train, out / "train.csv")
    write_frame(test, out / "test.csv")
    features = [c for c in frame.columns if c != REGRESSION_TARGET]
    x_train, y_train = train[features].to_numpy(np.float64), train[REGRESSION_TARGET].to_numpy(np.float64)
    x_test, y_test = test[features].to_numpy(np.float64), test[REGRESSION_TARGET].to_numpy(np.float64)
    model_seed = int(rng.integers(2**31))
    models = {
        "champion": LinearRegression().fit(x_train, y_train),
        "candidate": GradientBoostingRegressor(n_estimators=200, max_depth=3, learning_rate=0.05,
                                               random_state=model_seed).fit(x_train, y_train),
    }
    packed = [(PACKED_INPUT, float_tensor_type(len(features)))]
    metrics = {}
    for name, model in models.items():
        save_onnx(to_onnx(model, f"regression_{name}", packed), out / f"{name}.onnx")
        predictions = run_onnx_regressor(out / f"{name}.onnx", {PACKED_INPUT: x_test.astype(np.float32)})
        write_columns(out / f"{name}-onnx-predictions.csv", {"prediction": predictions})
        sk_predictions = model.predict(x_test)
        write_columns(out / f"{name}-sklearn-predictions.csv", {"prediction": sk_predictions})
        difference = np.max(np.abs(sk_predictions - predictions) / np.maximum(np.abs(sk_predictions), 1))
        print(f"regression {name}: max relative difference sklearn vs onnx {difference:.2e}")
        metrics[name] = regression_metrics(y_test, predictions)
        print(f"regression {name}: r2 {metrics[name]['r2_score']:.4f} "
              f"rmse {metrics[name]['root_mean_squared_error']:.4f}")
    assert metrics["candidate"]["r2_score"] > metrics["champion"]["r2_score"]
    write_json(out / "expected-metrics.json", {
        "dataset": "test.csv", "target": REGRESSION_TARGET, "task": "regression",
        "source": "scikit-learn on the ONNX Runtime outputs in <model>-onnx-predictions.csv",
        "models": metrics})


def regression_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Flat prices in thousands; the target stays well away from zero so MAPE is meaningful."""
    area = decimals(rng.gamma(6.0, 14.0, n) + 20, 1)
    rooms = np.clip(np.round(area / 28 + rng.normal(0, 0.7, n)), 1, 8).astype(np.int64)
    age_years = rng.integers(0, 120, n)
    distance_km = decimals(rng.exponential(6.0, n), 2)
    quality = rng.integers(1, 6, n)
    price = (40 + 2.4 * area + 18 * quality ** 1.5 - 60 * np.log1p(distance_km)
             - 1.2 * age_years + 0.012 * age_years ** 2 + 8 * rooms * (quality >= 4)
             + rng.normal(0, 18, n))
    price = decimals(np.maximum(price, 25.0), 2)
    return pd.DataFrame({"area_m2": area, "rooms": rooms, "age_years": age_years, "distance_km": distance_km,
                         "quality": quality, REGRESSION_TARGET: price})


# ---------------------------------------------------------------------------------------------------------------
# csv: small edge cases for the CSV reader

def make_csv_edge_cases(out: Path) -> None:
    reset_folder(out)
    files = {
        "quoted.csv": (
            'id,comment,amount,label\n'
            '1,"plain, with comma",1.5,a\n'
            '2,"two\nlines",2.5,b\n'
            '3,"say ""hi""",-3,a\n'
            '4,,4e2,b\n'),
        "bom-crlf.csv": '\ufeffx,y,label\r\n1,2.5,yes\r\n3,-4.25,no\r\n5,6,yes\r\n',
        "missing.csv": (
            'a,b,c,label\n'
            '1,NA,x,0\n'
            'NaN,2,,1\n'
            'null,,y,0\n'
            ',3,z,1\n'
            '5,6,w,0\n'),
        "semicolon.csv": 'name;score;passed\nalpha;0.5;1\nbeta;0.75;0\n"gam;ma";1;1\n',
    }
    for name, text in files.items():
        (out / name).write_bytes(text.encode("utf-8"))


# ---------------------------------------------------------------------------------------------------------------
# conversion, inference, MLflow

def float_tensor_type(width):
    from skl2onnx.common.data_types import FloatTensorType
    return FloatTensorType([None, width])


def per_column_types(frame: pd.DataFrame):
    """One [None, 1] input per column: float for floats, int64 for integers, string for text."""
    from skl2onnx.common.data_types import FloatTensorType, Int64TensorType, StringTensorType
    types = []
    for name in frame.columns:
        kind = frame[name].dtype.kind
        tensor = {"f": FloatTensorType, "i": Int64TensorType}.get(kind, StringTensorType)
        types.append((name, tensor([None, 1])))
    return types


def per_column_feeds(frame: pd.DataFrame):
    feeds = {}
    for name in frame.columns:
        values = frame[name].to_numpy()
        kind = values.dtype.kind
        dtype = {"f": np.float32, "i": np.int64}.get(kind, object)
        feeds[name] = values.astype(dtype).reshape(-1, 1)
    return feeds


def to_onnx(model, name: str, input_types, zipmap=None):
    """skl2onnx with a fixed graph name (its default is a random uuid) and opset imports sorted by domain (their
    order follows Python's string hashing, which changes from run to run)."""
    from skl2onnx import convert_sklearn
    options = None if zipmap is None or zipmap else {id(model): {"zipmap": False}}
    converted = convert_sklearn(model, name=name, initial_types=input_types, target_opset=TARGET_OPSET,
                                options=options)
    opsets = sorted(converted.opset_import, key=lambda opset: opset.domain)
    del converted.opset_import[:]
    converted.opset_import.extend(opsets)
    return converted


def save_onnx(model, path: Path) -> None:
    path.write_bytes(model.SerializeToString())


def onnx_sessions(path: Path):
    """A single-threaded session (the reference) and a default one.

    ONNX Runtime's tree ensembles sum the trees in a thread-dependent order when intra-op threads > 1, which moves
    float32 probabilities by an ulp or two; single-threaded output does not depend on the machine or the batch size.
    """
    import onnxruntime as ort
    single = ort.SessionOptions()
    single.intra_op_num_threads = 1
    single.inter_op_num_threads = 1
    providers = ["CPUExecutionProvider"]
    return (ort.InferenceSession(str(path), sess_options=single, providers=providers),
            ort.InferenceSession(str(path), providers=providers))


def run_onnx(path: Path, feeds, model_classes):
    """Runs a classifier: returns labels, the class order and float32 probabilities (ZipMap or tensor output).

    A ZipMap output names its classes; a tensor output has one column per class in the order of the sklearn
    model's classes_ (skl2onnx keeps it; the classifier node's classlabels attribute holds the same list).
    """
    results = []
    for session in onnx_sessions(path):
        labels, probabilities = session.run(None, feeds)
        if isinstance(probabilities, list):
            classes = list(probabilities[0].keys())
            matrix = np.array([[row[c] for c in classes] for row in probabilities], dtype=np.float32)
        else:
            classes = list(model_classes)
            matrix = np.asarray(probabilities, dtype=np.float32)
        results.append((np.asarray(labels), classes, matrix))
    (labels, classes, matrix), (labels_threaded, _, matrix_threaded) = results
    check_thread_drift(path, matrix, matrix_threaded)
    classes = [c.item() if hasattr(c, "item") else c for c in classes]
    assert classes == [c.item() if hasattr(c, "item") else c for c in model_classes], f"{path}: class order"
    argmax_labels = np.asarray(classes, dtype=object)[np.argmax(matrix, axis=1)]
    assert np.sum(argmax_labels != labels.astype(object)) <= 1, f"{path}: labels are not the most probable class"
    return labels, classes, matrix


def run_onnx_regressor(path: Path, feeds):
    outputs = [session.run(None, feeds)[0] for session in onnx_sessions(path)]
    check_thread_drift(path, outputs[0], outputs[1])
    return np.asarray(outputs[0], dtype=np.float32).reshape(-1)


def check_thread_drift(path: Path, single, threaded) -> None:
    single, threaded = np.asarray(single, dtype=np.float64), np.asarray(threaded, dtype=np.float64)
    drift = float(np.max(np.abs(single - threaded) / np.maximum(np.abs(single), 1.0)))
    if drift:
        print(f"{path.parent.name}/{path.name}: default threads differ from one thread by up to {drift:.1e}")
    assert drift < 1e-4, f"{path}: multi-threaded outputs drift by {drift}"


def save_mlflow_model(onnx_model, model_dir: Path, signature, identity: str) -> None:
    """mlflow.onnx.save_model with its defaults, then the save time and uuid in MLmodel made reproducible.

    MLflow's default (save_as_external_data=True) moves initializers of 1 KiB or more into a side file that onnx
    names '<uuid1>.data'; the same kind of name is passed, derived from the seed, so reruns give the same bytes.
    """
    import mlflow.onnx
    from mlflow.models import Model

    if model_dir.exists():
        shutil.rmtree(model_dir)
    stable_uuid = uuid.uuid5(uuid.NAMESPACE_URL, f"https://mlgitops.io/examples/{identity}")
    # onnx resolves an existing-file check against the working directory, so save from inside a clean folder.
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    previous = os.getcwd()
    os.chdir(model_dir.parent)
    try:
        mlflow.onnx.save_model(onnx_model, str(model_dir), signature=signature, location=f"{stable_uuid}.data")
    finally:
        os.chdir(previous)
    mlmodel_path = model_dir / "MLmodel"
    mlmodel = Model.load(str(mlmodel_path))
    mlmodel.utc_time_created = FIXED_MLMODEL_TIME
    mlmodel.model_uuid = stable_uuid.hex
    mlmodel.save(str(mlmodel_path))
    print(f"{model_dir.name}: {sorted(p.name for p in model_dir.iterdir())}")


# ---------------------------------------------------------------------------------------------------------------
# metrics (MLflow's default evaluator sets, computed with scikit-learn)

def binary_metrics(y, predicted, probability_1):
    from sklearn import metrics as m
    probability_1 = np.asarray(probability_1, dtype=np.float64)
    tn, fp, fn, tp = m.confusion_matrix(y, predicted).ravel()
    values = {
        "example_count": int(len(y)),
        "accuracy_score": m.accuracy_score(y, predicted),
        "precision_score": m.precision_score(y, predicted),
        "recall_score": m.recall_score(y, predicted),
        "f1_score": m.f1_score(y, predicted),
        "log_loss": m.log_loss(y, probability_1),
        "roc_auc": m.roc_auc_score(y, probability_1),
        "precision_recall_auc": m.average_precision_score(y, probability_1),
        "true_negatives": int(tn), "false_positives": int(fp),
        "false_negatives": int(fn), "true_positives": int(tp),
    }
    values.update(averaged_metrics(y, predicted))
    return plain(values)


def multiclass_metrics(y, predicted, probabilities, classes):
    from sklearn import metrics as m
    probabilities = np.asarray(probabilities, dtype=np.float64)
    values = {
        "example_count": int(len(y)),
        "accuracy_score": m.accuracy_score(y, predicted),
        "precision_score": m.precision_score(y, predicted, average="weighted"),
        "recall_score": m.recall_score(y, predicted, average="weighted"),
        "f1_score": m.f1_score(y, predicted, average="weighted"),
        "log_loss": m.log_loss(y, probabilities, labels=classes),
        "roc_auc": m.roc_auc_score(y, probabilities, multi_class="ovr", average="weighted", labels=classes),
    }
    values.update(averaged_metrics(y, predicted))
    return plain(values)


def averaged_metrics(y, predicted):
    """The extra metrics callers may ask for by name: precision_/recall_/f1_ + macro|micro|weighted."""
    from sklearn import metrics as m
    functions = {"precision": m.precision_score, "recall": m.recall_score, "f1": m.f1_score}
    return {f"{name}_{average}": function(y, predicted, average=average)
            for name, function in functions.items() for average in ("macro", "micro", "weighted")}


def regression_metrics(y, predicted):
    from sklearn import metrics as m
    predicted = np.asarray(predicted, dtype=np.float64)
    return plain({
        "example_count": int(len(y)),
        "mean_absolute_error": m.mean_absolute_error(y, predicted),
        "mean_squared_error": m.mean_squared_error(y, predicted),
        "root_mean_squared_error": m.root_mean_squared_error(y, predicted),
        "r2_score": m.r2_score(y, predicted),
        "max_error": m.max_error(y, predicted),
        "mean_absolute_percentage_error": m.mean_absolute_percentage_error(y, predicted),
    })


def plain(values):
    result = {}
    for key, value in values.items():
        value = value.item() if hasattr(value, "item") else value
        assert not (isinstance(value, float) and not math.isfinite(value)), f"{key} is {value}"
        result[key] = value
    return result


def report_agreement(name, sk_labels, onnx_labels, sk_proba, onnx_proba) -> None:
    """ONNX computes in float32, so a row whose feature lies at a tree split can take the other branch."""
    mismatches = int(np.sum(np.asarray(sk_labels) != np.asarray(onnx_labels)))
    difference = np.abs(np.asarray(sk_proba, dtype=np.float64) - onnx_proba)
    difference = difference.max(axis=1) if difference.ndim == 2 else difference
    off = int(np.sum(difference > 1e-4))
    print(f"{name}: sklearn vs onnx: {mismatches} label mismatches, {off} rows off by more than 1e-4, "
          f"max probability difference {difference.max():.2e}")
    assert mismatches <= max(2, len(sk_labels) // 500) and off <= len(sk_labels) // 50, \
        f"{name}: ONNX disagrees with sklearn"


# ---------------------------------------------------------------------------------------------------------------
# files

def reset_folder(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def decimals(values, places: int) -> np.ndarray:
    """Rounds to the float64 nearest to the decimal, so the CSV holds exactly `places` decimals."""
    return np.array([float(f"{v:.{places}f}") for v in values], dtype=np.float64)


def cell(value) -> str:
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else repr(float(value))
    if isinstance(value, (np.integer,)):
        return str(int(value))
    return str(value)


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    columns = {name: frame[name].tolist() for name in frame.columns}
    write_columns(path, columns)
    # Whatever a correct reader gets back must be the values the models saw.
    check = pd.read_csv(path, keep_default_na=False, na_values=[""])
    for name in frame.columns:
        expected, actual = frame[name].to_numpy(), check[name].to_numpy()
        same = (np.array_equal(expected, actual, equal_nan=True) if expected.dtype.kind == "f"
                else np.array_equal(expected, actual))
        assert same, f"{path}: column {name} does not read back identically"


def write_columns(path: Path, columns) -> None:
    names = list(columns)
    rows = zip(*(columns[name] for name in names))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def write_json(path: Path, document) -> None:
    path.write_text(json.dumps(document, indent=2, allow_nan=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
