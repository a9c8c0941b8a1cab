"""Reference metric values from scikit-learn for SklearnAgreementIT.

Usage: python sklearn_metrics.py MANIFEST.json

The manifest lists cases written by the Java test: little-endian raw arrays (int32 labels and weights, float64
values and probabilities, probabilities class-major). For every case this prints, as one JSON object on standard
output, each metric under its canonical name, unweighted and on the rows replicated by the integer weights (which is
what a weighted evaluation must equal). Floats keep repr precision; NaN is written as "nan", errors as
{"error": message}.
"""
import json
import math
import os
import sys
import warnings

import numpy as np
from sklearn import metrics as m

CLASS_AVERAGES = ("macro", "micro", "weighted")
SCORES = {"precision": m.precision_score, "recall": m.recall_score, "f1": m.f1_score}


def classification_metrics(task, y, p, proba, labels, pos):
    out = {
        "example_count": lambda: len(y),
        "accuracy_score": lambda: m.accuracy_score(y, p),
        "log_loss": lambda: m.log_loss(y, proba, labels=labels),
    }
    for name, score in SCORES.items():
        if task == "binary":
            out[name + "_score"] = lambda s=score: s(y, p, pos_label=pos)
        else:
            out[name + "_score"] = lambda s=score: s(y, p, average="weighted")
        for average in CLASS_AVERAGES:
            out[name + "_" + average] = lambda s=score, a=average: s(y, p, average=a)
    if task == "binary":
        neg = [label for label in labels if label != pos][0]
        cells = lambda: m.confusion_matrix(y, p, labels=[neg, pos]).ravel()
        out["roc_auc"] = lambda: m.roc_auc_score(y == pos, proba[:, pos])
        out["precision_recall_auc"] = lambda: m.average_precision_score(y, proba[:, pos], pos_label=pos)
        for index, name in enumerate(("true_negatives", "false_positives", "false_negatives", "true_positives")):
            out[name] = lambda i=index: cells()[i]
    else:
        out["roc_auc"] = lambda: m.roc_auc_score(y, proba, multi_class="ovr", average="weighted", labels=labels)
    return out


def regression_metrics(y, p):
    return {
        "example_count": lambda: len(y),
        "mean_absolute_error": lambda: m.mean_absolute_error(y, p),
        "mean_squared_error": lambda: m.mean_squared_error(y, p),
        "root_mean_squared_error": lambda: m.root_mean_squared_error(y, p),
        "r2_score": lambda: m.r2_score(y, p),
        "max_error": lambda: m.max_error(y, p),
        "mean_absolute_percentage_error": lambda: m.mean_absolute_percentage_error(y, p),
    }


def evaluate(functions):
    values = {}
    for name, function in functions.items():
        try:
            value = float(function())
            values[name] = "nan" if math.isnan(value) else value
        except Exception as error:  # reported to the Java side, which decides whether it agrees
            values[name] = {"error": f"{type(error).__name__}: {error}"}
    return values


def metrics_for(case, rows, arrays):
    y_true, y_pred, proba = (None if a is None else a[rows] for a in arrays)
    if case["task"] == "regression":
        return evaluate(regression_metrics(y_true, y_pred))
    labels = list(range(case["classes"]))
    return evaluate(classification_metrics(case["task"], y_true, y_pred, proba, labels, case["positive"]))


def load(folder, case):
    read = lambda field, dtype: np.fromfile(os.path.join(folder, case[field]), dtype=dtype)
    if case["task"] == "regression":
        y_true, y_pred, proba = read("yTrue", "<f8"), read("yPred", "<f8"), None
    else:
        y_true, y_pred = read("yTrue", "<i4"), read("yPred", "<i4")
        proba = read("probabilities", "<f8").reshape(case["classes"], case["rows"]).T.copy()
    return (y_true, y_pred, proba), read("weights", "<i4")


def main(manifest_path):
    folder = os.path.dirname(os.path.abspath(manifest_path))
    with open(manifest_path) as manifest:
        cases = json.load(manifest)
    results = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for case in cases:
            arrays, weights = load(folder, case)
            all_rows = np.arange(case["rows"])
            results[case["name"]] = {
                "unweighted": metrics_for(case, all_rows, arrays),
                "weighted": metrics_for(case, np.repeat(all_rows, weights), arrays),
            }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
