#!/usr/bin/env python3
"""The Python a data scientist runs today to compare two models' predictions: pandas + scikit-learn.

    .cache/venv/bin/python scripts/bench/python_benchmark.py [--dataset D/data.csv] [--target y]
        [--champion D/champion.csv] [--candidate D/candidate.csv]

Reads the three CSV files with pandas.read_csv, computes MLflow's default binary metric set (and weighted F1 for
the seed's rule) for both models with scikit-learn, and prints the values as JSON. The Java counterpart is
`mlgitops benchmark ... --test none`; scripts/bench/run.sh times both.
"""
import argparse
import json
from pathlib import Path

import pandas as pd
from sklearn import metrics

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / ".cache" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_FOLDER / "data.csv")
    parser.add_argument("--target", default="y")
    parser.add_argument("--champion", type=Path, default=DEFAULT_FOLDER / "champion.csv")
    parser.add_argument("--candidate", type=Path, default=DEFAULT_FOLDER / "candidate.csv")
    args = parser.parse_args()

    y = pd.read_csv(args.dataset)[args.target].to_numpy()
    results = {}
    for name, path in (("champion", args.champion), ("candidate", args.candidate)):
        predictions = pd.read_csv(path)
        if len(predictions) != len(y):
            raise SystemExit(f"{path}: {len(predictions)} rows, but {args.dataset} has {len(y)}")
        results[name] = binary_metrics(y, predictions["prediction"].to_numpy(), predictions["probability"].to_numpy())
    deltas = {key: results["candidate"][key] - results["champion"][key] for key in results["champion"]}
    passed = deltas["accuracy_score"] >= 0.01 or deltas["f1_weighted"] >= 0.01
    print(json.dumps({"champion": results["champion"], "candidate": results["candidate"], "delta": deltas,
                      "passes_benchmark": passed}, indent=2))


def binary_metrics(y, predicted, probability):
    tn, fp, fn, tp = metrics.confusion_matrix(y, predicted).ravel()
    return {
        "example_count": int(len(y)),
        "accuracy_score": metrics.accuracy_score(y, predicted),
        "precision_score": metrics.precision_score(y, predicted),
        "recall_score": metrics.recall_score(y, predicted),
        "f1_score": metrics.f1_score(y, predicted),
        "f1_weighted": metrics.f1_score(y, predicted, average="weighted"),
        "log_loss": metrics.log_loss(y, probability),
        "roc_auc": metrics.roc_auc_score(y, probability),
        "precision_recall_auc": metrics.average_precision_score(y, probability),
        "true_negatives": int(tn), "false_positives": int(fp), "false_negatives": int(fn), "true_positives": int(tp),
    }


if __name__ == "__main__":
    main()
